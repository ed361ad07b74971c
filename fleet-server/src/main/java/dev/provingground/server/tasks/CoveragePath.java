package dev.provingground.server.tasks;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

import java.util.ArrayList;
import java.util.List;
import java.util.Collections;

/**
 * A back-and-forth (boustrophedon) path covering a polygon: parallel lines {@code spacing} apart, clipped to the
 * polygon shrunk by half a spacing so the robot keeps off the walls, driven alternately left and right.
 */
final class CoveragePath {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private CoveragePath() {
    }

    static List<double[]> inside(Geometry area, double spacing) {
        Geometry inner = area.buffer(-spacing / 2);
        if (inner.isEmpty()) return List.of();
        var env = inner.getEnvelopeInternal();
        List<double[]> path = new ArrayList<>();
        boolean leftToRight = true;
        for (double y = env.getMinY() + spacing / 2; y <= env.getMaxY(); y += spacing) {
            LineString sweep = GEOMETRY.createLineString(new Coordinate[]{
                    new Coordinate(env.getMinX() - 1, y), new Coordinate(env.getMaxX() + 1, y)});
            Geometry cut = inner.intersection(sweep);
            List<double[]> row = new ArrayList<>();
            for (int i = 0; i < cut.getNumGeometries(); i++) {
                Coordinate[] cs = cut.getGeometryN(i).getCoordinates();
                if (cs.length < 2) continue;
                row.add(new double[]{Math.min(cs[0].x, cs[cs.length - 1].x), y});
                row.add(new double[]{Math.max(cs[0].x, cs[cs.length - 1].x), y});
            }
            row.sort((a, b) -> Double.compare(a[0], b[0]));
            if (!leftToRight) Collections.reverse(row);
            path.addAll(row);
            leftToRight = !leftToRight;
        }
        return path;
    }
}
