package dev.provingground.geofence.index;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A zone's rings as flat coordinate arrays, for the two questions evaluation asks of small zones on every sample:
 * does a short move cross the outline, and how far is a point from it. A plain pass over a few hundred edges with
 * a bounding-box shortcut beats the general JTS machinery (which allocates per call) at that size; big zones use
 * the indexed JTS paths instead.
 */
final class ZoneOutline {

    private final double[] xs;
    private final double[] ys;
    /** Index of each ring's first position; a ring's last position repeats its first. */
    private final int[] ringStarts;

    private ZoneOutline(double[] xs, double[] ys, int[] ringStarts) {
        this.xs = xs;
        this.ys = ys;
        this.ringStarts = ringStarts;
    }

    static ZoneOutline of(Geometry polygonal) {
        int positions = polygonal.getNumPoints();
        int rings = 0;
        for (int p = 0; p < polygonal.getNumGeometries(); p++) {
            rings += 1 + ((Polygon) polygonal.getGeometryN(p)).getNumInteriorRing();
        }
        double[] xs = new double[positions];
        double[] ys = new double[positions];
        int[] starts = new int[rings + 1];
        int next = 0;
        int ring = 0;
        for (int p = 0; p < polygonal.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) polygonal.getGeometryN(p);
            for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                CoordinateSequence seq = (r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r))
                        .getCoordinateSequence();
                starts[ring++] = next;
                for (int i = 0; i < seq.size(); i++) {
                    xs[next] = seq.getX(i);
                    ys[next] = seq.getY(i);
                    next++;
                }
            }
        }
        starts[ring] = next;
        return new ZoneOutline(xs, ys, starts);
    }

    /**
     * Whether (x, y) is inside or on the outline: a ray-crossing count over all rings (holes and the parts of a
     * MultiPolygon included, valid geometry assumed), with JTS's robust orientation test for the edges that span
     * the point's y, as JTS's own RayCrossingCounter does.
     */
    boolean covers(double x, double y) {
        int crossings = 0;
        for (int r = 0; r + 1 < ringStarts.length; r++) {
            for (int i = ringStarts[r], last = ringStarts[r + 1] - 1; i < last; i++) {
                double y1 = ys[i];
                double y2 = ys[i + 1];
                if ((y1 > y) == (y2 > y)) {
                    // The edge does not span the ray's height; the point can only be on one of its ends or, for a
                    // horizontal edge at the ray's height, on the edge itself.
                    if (y1 == y || y2 == y) {
                        if ((y1 == y && xs[i] == x) || (y2 == y && xs[i + 1] == x)) return true;
                        if (y1 == y2 && x >= Math.min(xs[i], xs[i + 1]) && x <= Math.max(xs[i], xs[i + 1])) return true;
                    }
                    continue;
                }
                double x1 = xs[i];
                double x2 = xs[i + 1];
                if (x1 < x && x2 < x) continue; // wholly left: the rightward ray misses it
                if (x1 > x && x2 > x) {
                    crossings++; // wholly right: the ray crosses it, no orientation test needed
                    continue;
                }
                int orientation = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, x, y);
                if (orientation == 0) return true; // on the edge
                if (y2 < y1) orientation = -orientation;
                if (orientation > 0) crossings++;
            }
        }
        return (crossings & 1) == 1;
    }

    /** Whether the segment a→b touches or crosses any ring edge. */
    boolean crossedBy(double ax, double ay, double bx, double by) {
        double minX = Math.min(ax, bx);
        double maxX = Math.max(ax, bx);
        double minY = Math.min(ay, by);
        double maxY = Math.max(ay, by);
        for (int r = 0; r + 1 < ringStarts.length; r++) {
            for (int i = ringStarts[r], last = ringStarts[r + 1] - 1; i < last; i++) {
                double px = xs[i];
                double py = ys[i];
                double qx = xs[i + 1];
                double qy = ys[i + 1];
                if ((px < minX && qx < minX) || (px > maxX && qx > maxX)
                        || (py < minY && qy < minY) || (py > maxY && qy > maxY)) {
                    continue;
                }
                int o1 = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, px, py);
                int o2 = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, qx, qy);
                if (o1 * o2 > 0) continue;
                int o3 = CGAlgorithmsDD.orientationIndex(px, py, qx, qy, ax, ay);
                int o4 = CGAlgorithmsDD.orientationIndex(px, py, qx, qy, bx, by);
                if (o3 * o4 > 0) continue;
                // Either a proper crossing or a touch; collinear overlap also lands here because the boxes overlap.
                return true;
            }
        }
        return false;
    }

    /** Distance from (x, y) to the nearest ring edge. */
    double distanceTo(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r + 1 < ringStarts.length; r++) {
            for (int i = ringStarts[r], last = ringStarts[r + 1] - 1; i < last; i++) {
                double d = segmentDistanceSquared(x, y, xs[i], ys[i], xs[i + 1], ys[i + 1]);
                if (d < best) best = d;
            }
        }
        return Math.sqrt(best);
    }

    private static double segmentDistanceSquared(double x, double y, double px, double py, double qx, double qy) {
        double dx = qx - px;
        double dy = qy - py;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((x - px) * dx + (y - py) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double ex = px + t * dx - x;
        double ey = py + t * dy - y;
        return ex * ex + ey * ey;
    }
}
