package dev.provingground.geofence.index;

import static dev.provingground.geofence.TestZones.rectangle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Whatever the raster answers without the outline must be what JTS answers; it may only say "ask the outline".
 * The hard cases are points and edges lying exactly on the cell lines, so the shapes here have edges on a lattice
 * that the forced cell counts share.
 */
class CellRasterTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** A comb: rectilinear, integer vertices, teeth one unit wide, so its edges lie on many cell lines. */
    private static Polygon comb() {
        List<Coordinate> ring = new ArrayList<>();
        ring.add(new Coordinate(0, 0));
        ring.add(new Coordinate(12, 0));
        for (int x = 12; x > 0; x -= 2) {
            ring.add(new Coordinate(x, 12));
            ring.add(new Coordinate(x - 1, 12));
            ring.add(new Coordinate(x - 1, 3));
            ring.add(new Coordinate(x - 2, 3));
        }
        ring.set(ring.size() - 1, new Coordinate(0, 3));
        ring.add(new Coordinate(0, 0));
        return FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private static Geometry[] shapes() {
        Polygon withHole = FACTORY.createPolygon(
                FACTORY.createLinearRing(rectangle(0, 0, 12, 12).getExteriorRing().getCoordinates()),
                new LinearRing[] {FACTORY.createLinearRing(rectangle(4, 4, 8, 8).getExteriorRing().getCoordinates())});
        Geometry multi = FACTORY.createMultiPolygon(new Polygon[] {rectangle(0, 0, 4, 12), rectangle(6, 0, 12, 12)});
        Polygon diamond = FACTORY.createPolygon(new Coordinate[] {new Coordinate(6, 0), new Coordinate(12, 6),
                new Coordinate(6, 12), new Coordinate(0, 6), new Coordinate(6, 0)});
        // Far from the origin, where rounding in the cell arithmetic is coarsest.
        Polygon farAway = FACTORY.createPolygon(new Coordinate[] {new Coordinate(300_000, 4_100_000),
                new Coordinate(300_012, 4_100_000), new Coordinate(300_012, 4_100_012),
                new Coordinate(300_006, 4_100_003), new Coordinate(300_000, 4_100_012),
                new Coordinate(300_000, 4_100_000)});
        return new Geometry[] {comb(), withHole, multi, diamond, rectangle(0, 0, 12, 12), farAway};
    }

    /** One shape rasterised with one cell count, and the probe points for it. */
    private record Case(Geometry shape, int along, CellRaster raster, List<Coordinate> probes) {
        String label() {
            return shape.getGeometryType() + ", " + along + " cells";
        }

        boolean jtsCovers(Coordinate p) {
            return shape.covers(FACTORY.createPoint(p));
        }
    }

    private static List<Case> cases(long seed, int... alongs) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Case> cases = new ArrayList<>();
        for (Geometry g : shapes()) {
            Envelope bounds = g.getEnvelopeInternal();
            for (int along : alongs) {
                cases.add(new Case(g, along, CellRaster.of(ZoneOutline.of(g), bounds, along), probes(bounds, along, random)));
            }
        }
        return cases;
    }

    @Test
    void everyPointTheRasterDecidesIsDecidedAsJtsDoes() {
        int decided = 0;
        for (Case c : cases(5, 1, 2, 3, 4, 6, 12, 24, 64)) {
            for (Coordinate p : c.probes()) {
                byte known = c.raster().at(p.x, p.y);
                if (known == CellRaster.TOUCHED) continue;
                decided++;
                assertThat(known == CellRaster.INSIDE).as("%s, at %s", c.label(), p).isEqualTo(c.jtsCovers(p));
            }
        }
        assertThat(decided).as("the raster decides most probes itself").isGreaterThan(100_000);
    }

    @Test
    void everyPointIsCoveredExactlyWhenJtsSaysSo() {
        int inTouchedCells = 0;
        for (Case c : cases(11, 1, 3, 12, 24, 64)) {
            for (Coordinate p : c.probes()) {
                if (c.raster().at(p.x, p.y) == CellRaster.TOUCHED) inTouchedCells++;
                assertThat(c.raster().covers(p.x, p.y)).as("%s, at %s", c.label(), p).isEqualTo(c.jtsCovers(p));
            }
        }
        assertThat(inTouchedCells).as("many probes need the edges of their row").isGreaterThan(10_000);
    }

    @Test
    void aBoxTheRasterCallsClearNeverMeetsTheOutline() {
        int clear = 0;
        for (Case c : cases(9, 3, 12, 24, 64)) {
            PreparedGeometry outline = PreparedGeometryFactory.prepare(c.shape().getBoundary());
            for (int i = 0; i + 1 < c.probes().size(); i += 2) {
                Coordinate a = c.probes().get(i);
                Coordinate b = c.probes().get(i + 1);
                // Short boxes, as a robot's move between two samples spans.
                Envelope box = new Envelope(a, new Coordinate(a.x + (b.x - a.x) * 0.1, a.y + (b.y - a.y) * 0.1));
                if (!c.raster().clearOfOutline(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY())) continue;
                clear++;
                assertThat(outline.intersects(FACTORY.toGeometry(box))).as("%s, box %s", c.label(), box).isFalse();
            }
        }
        assertThat(clear).as("the raster clears many boxes itself").isGreaterThan(10_000);
    }

    @Test
    void aSegmentMeetsTheOutlineExactlyWhenJtsSaysSo() {
        int meeting = 0;
        for (Case c : cases(13, 1, 3, 12, 24, 64)) {
            PreparedGeometry outline = PreparedGeometryFactory.prepare(c.shape().getBoundary());
            for (int i = 0; i + 1 < c.probes().size(); i += 2) {
                Coordinate a = c.probes().get(i);
                Coordinate b = c.probes().get(i + 1);
                // Long segments and short ones, as a robot's move between two samples is.
                for (double reach : new double[] {1, 0.05}) {
                    Coordinate end = new Coordinate(a.x + (b.x - a.x) * reach, a.y + (b.y - a.y) * reach);
                    boolean meets = c.raster().meetsOutline(a.x, a.y, end.x, end.y);
                    if (meets) meeting++;
                    assertThat(meets).as("%s, %s to %s", c.label(), a, end)
                            .isEqualTo(outline.intersects(FACTORY.createLineString(new Coordinate[] {a, end})));
                }
            }
        }
        assertThat(meeting).as("many segments meet the outline").isGreaterThan(10_000);
    }

    /** Points on every cell line and vertex lattice of the raster and of the shapes' unit lattice, plus random ones. */
    private static List<Coordinate> probes(Envelope bounds, int along, SplittableRandom random) {
        List<Coordinate> probes = new ArrayList<>();
        double w = bounds.getWidth();
        double h = bounds.getHeight();
        for (int divisions : new int[] {along, 12, 24}) {
            for (int i = -1; i <= divisions + 1; i++) {
                for (int j = -1; j <= divisions + 1; j++) {
                    probes.add(new Coordinate(bounds.getMinX() + w * i / divisions, bounds.getMinY() + h * j / divisions));
                }
                for (int k = 0; k < 20; k++) {
                    double x = bounds.getMinX() + w * i / divisions;
                    probes.add(new Coordinate(x, bounds.getMinY() + random.nextDouble(-0.1, 1.1) * h));
                    double y = bounds.getMinY() + h * i / divisions;
                    probes.add(new Coordinate(bounds.getMinX() + random.nextDouble(-0.1, 1.1) * w, y));
                }
            }
        }
        for (int k = 0; k < 5_000; k++) {
            probes.add(new Coordinate(bounds.getMinX() + random.nextDouble(-0.1, 1.1) * w,
                    bounds.getMinY() + random.nextDouble(-0.1, 1.1) * h));
        }
        return probes;
    }
}
