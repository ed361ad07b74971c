package dev.provingground.geofence.index;

import java.util.Arrays;

import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Where a straight move crosses a polygon's rings. A linear pass over the ring segments with a bounding-box
 * shortcut: far cheaper than a JTS overlay for the one short segment a robot moves between two samples.
 */
final class OutlineCrossings {

    private OutlineCrossings() {
    }

    static double[] along(Coordinate a, Coordinate b, Geometry polygonal) {
        Collector out = new Collector(a, b);
        for (int p = 0; p < polygonal.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) polygonal.getGeometryN(p);
            out.ring(polygon.getExteriorRing().getCoordinateSequence());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                out.ring(polygon.getInteriorRingN(h).getCoordinateSequence());
            }
        }
        return out.sorted();
    }

    private static final class Collector {
        private final Coordinate a;
        private final Coordinate b;
        private final double minX;
        private final double maxX;
        private final double minY;
        private final double maxY;
        private final double lengthSquared;
        private final LineIntersector intersector = new RobustLineIntersector();
        private final Coordinate p = new Coordinate();
        private final Coordinate q = new Coordinate();
        private double[] ts = new double[8];
        private int n;

        Collector(Coordinate a, Coordinate b) {
            this.a = a;
            this.b = b;
            minX = Math.min(a.x, b.x);
            maxX = Math.max(a.x, b.x);
            minY = Math.min(a.y, b.y);
            maxY = Math.max(a.y, b.y);
            lengthSquared = (b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y);
            add(0);
            add(1);
        }

        void ring(CoordinateSequence ring) {
            for (int i = 0, last = ring.size() - 1; i < last; i++) {
                double px = ring.getX(i);
                double py = ring.getY(i);
                double qx = ring.getX(i + 1);
                double qy = ring.getY(i + 1);
                if (Math.max(px, qx) < minX || Math.min(px, qx) > maxX
                        || Math.max(py, qy) < minY || Math.min(py, qy) > maxY) {
                    continue;
                }
                p.x = px;
                p.y = py;
                q.x = qx;
                q.y = qy;
                intersector.computeIntersection(a, b, p, q);
                for (int k = 0; k < intersector.getIntersectionNum(); k++) {
                    Coordinate c = intersector.getIntersection(k);
                    double t = lengthSquared == 0 ? 0 : ((c.x - a.x) * (b.x - a.x) + (c.y - a.y) * (b.y - a.y)) / lengthSquared;
                    add(Math.max(0, Math.min(1, t)));
                }
            }
        }

        private void add(double t) {
            if (n == ts.length) ts = Arrays.copyOf(ts, n * 2);
            ts[n++] = t;
        }

        double[] sorted() {
            double[] out = Arrays.copyOf(ts, n);
            Arrays.sort(out);
            return out;
        }
    }
}
