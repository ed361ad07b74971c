package dev.provingground.geofence.index;

import static dev.provingground.geofence.TestZones.rectangle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import dev.provingground.geofence.TestZones;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;

/** The fast paths of IndexedZone must agree with JTS on every point and move. */
class IndexedZoneTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static IndexedZone prepared(Geometry g) {
        return IndexedZone.prepare(new Zone("z", null, TestZones.SITE, TestZones.LEVEL, g, ZoneKind.KEEP_OUT, null, null));
    }

    private static Polygon star(SplittableRandom random, double cx, double cy, double radius, int vertices) {
        double[] angles = random.doubles(vertices, 0, 2 * Math.PI).sorted().toArray();
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int k = 0; k < vertices; k++) {
            double r = radius * random.nextDouble(0.4, 1.0);
            ring[k] = new Coordinate(cx + r * Math.cos(angles[k]), cy + r * Math.sin(angles[k]));
        }
        ring[vertices] = ring[0].copy();
        return FACTORY.createPolygon(ring);
    }

    private static Geometry[] shapes(SplittableRandom random) {
        Polygon withHole = FACTORY.createPolygon(
                FACTORY.createLinearRing(rectangle(0, 0, 10, 10).getExteriorRing().getCoordinates()),
                new LinearRing[] {FACTORY.createLinearRing(rectangle(3, 3, 6, 6).getExteriorRing().getCoordinates())});
        Geometry multi = FACTORY.createMultiPolygon(new Polygon[] {rectangle(0, 0, 4, 4), rectangle(6, 0, 10, 4)});
        Polygon big = star(random, 5, 5, 5, 400); // over the linear-scan size: takes the indexed JTS path
        return new Geometry[] {star(random, 5, 5, 5, 20), star(random, 5, 5, 5, 150), withHole, multi, big,
                rectangle(0, 0, 10, 10)};
    }

    @Test
    void coversAgreesWithJtsInsideOutsideAndOnTheOutline() {
        SplittableRandom random = new SplittableRandom(7);
        for (Geometry g : shapes(random)) {
            IndexedZone z = prepared(g);
            for (int i = 0; i < 5_000; i++) {
                Coordinate p = new Coordinate(random.nextDouble(-1, 11), random.nextDouble(-1, 11));
                assertThat(z.covers(p)).as("%s at %s", g.getGeometryType(), p).isEqualTo(g.covers(FACTORY.createPoint(p)));
            }
            for (Coordinate vertex : g.getCoordinates()) {
                assertThat(z.covers(vertex)).as("vertex %s", vertex).isTrue();
            }
            Coordinate[] c = g.getCoordinates();
            Coordinate midEdge = new Coordinate((c[0].x + c[1].x) / 2, (c[0].y + c[1].y) / 2);
            assertThat(z.covers(midEdge)).isEqualTo(g.covers(FACTORY.createPoint(midEdge)));
        }
    }

    @Test
    void crossingTestAgreesWithJtsForMovesEndingOutside() {
        SplittableRandom random = new SplittableRandom(11);
        int crossings = 0;
        for (Geometry g : shapes(random)) {
            IndexedZone z = prepared(g);
            for (int i = 0; i < 5_000; i++) {
                Coordinate a = new Coordinate(random.nextDouble(-2, 12), random.nextDouble(-2, 12));
                Coordinate b = new Coordinate(a.x + random.nextDouble(-3, 3), a.y + random.nextDouble(-3, 3));
                if (z.covers(b)) continue;
                boolean expected = g.intersects(FACTORY.createLineString(new Coordinate[] {a, b}));
                assertThat(z.crossedFromOutside(a, b)).as("%s move %s -> %s", g.getGeometryType(), a, b)
                        .isEqualTo(expected);
                if (expected && !z.covers(a)) crossings++;
            }
        }
        assertThat(crossings).as("the sample includes real crossings").isGreaterThan(100);
    }

    @Test
    void distanceToBoundaryAgreesWithJts() {
        SplittableRandom random = new SplittableRandom(3);
        for (Geometry g : shapes(random)) {
            IndexedZone z = prepared(g);
            for (int i = 0; i < 500; i++) {
                Coordinate p = new Coordinate(random.nextDouble(-1, 11), random.nextDouble(-1, 11));
                assertThat(z.distanceToBoundary(p)).isCloseTo(g.getBoundary().distance(FACTORY.createPoint(p)),
                        within(1e-9));
            }
        }
    }

    @Test
    void outlineCrossingsCutAMoveWhereItEntersAndLeaves() {
        IndexedZone z = prepared(rectangle(2, 0, 4, 10));
        double[] t = z.outlineCrossings(new Coordinate(0, 5), new Coordinate(10, 5));
        assertThat(t).containsExactly(new double[] {0, 0.2, 0.4, 1}, within(1e-12));
        assertThat(z.firstPointInside(new Coordinate(0, 5), new Coordinate(10, 5)).distance(new Coordinate(3, 5)))
                .isLessThan(1e-12);
        assertThat(z.firstPointInside(new Coordinate(0, 11), new Coordinate(10, 11))).isNull();
        assertThat(Arrays.stream(z.outlineCrossings(new Coordinate(0, 11), new Coordinate(10, 11))).boxed())
                .containsExactly(0.0, 1.0);
    }
}
