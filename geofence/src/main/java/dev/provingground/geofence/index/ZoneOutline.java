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

    int positions() {
        return xs.length;
    }

    interface EdgeVisitor {
        /** @param edge the edge's number, as {@link #covers(double, double, int[], int, int)} takes it */
        void edge(int edge, double px, double py, double qx, double qy);
    }

    void forEachEdge(EdgeVisitor visitor) {
        for (int r = 0; r + 1 < ringStarts.length; r++) {
            for (int i = ringStarts[r], last = ringStarts[r + 1] - 1; i < last; i++) {
                visitor.edge(i, xs[i], ys[i], xs[i + 1], ys[i + 1]);
            }
        }
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
                int c = rayCrossing(i, x, y);
                if (c == ON_EDGE) return true;
                crossings += c;
            }
        }
        return (crossings & 1) == 1;
    }

    /**
     * {@link #covers(double, double)} counting only the given edges: exact when every edge left out lies wholly
     * above or below the point's height, since such an edge neither crosses the ray nor holds the point.
     */
    boolean covers(double x, double y, int[] edges, int from, int to) {
        int crossings = 0;
        for (int k = from; k < to; k++) {
            int c = rayCrossing(edges[k], x, y);
            if (c == ON_EDGE) return true;
            crossings += c;
        }
        return (crossings & 1) == 1;
    }

    private static final int ON_EDGE = -1;

    /** 1 when the rightward ray from (x, y) crosses edge i, 0 when it does not, {@link #ON_EDGE} when the point is on it. */
    private int rayCrossing(int i, double x, double y) {
        double y1 = ys[i];
        double y2 = ys[i + 1];
        if ((y1 > y) == (y2 > y)) {
            // The edge does not span the ray's height; the point can only be on one of its ends or, for a
            // horizontal edge at the ray's height, on the edge itself.
            if (y1 == y || y2 == y) {
                if ((y1 == y && xs[i] == x) || (y2 == y && xs[i + 1] == x)) return ON_EDGE;
                if (y1 == y2 && x >= Math.min(xs[i], xs[i + 1]) && x <= Math.max(xs[i], xs[i + 1])) return ON_EDGE;
            }
            return 0;
        }
        double x1 = xs[i];
        double x2 = xs[i + 1];
        if (x1 < x && x2 < x) return 0; // wholly left: the rightward ray misses it
        if (x1 > x && x2 > x) return 1; // wholly right: the ray crosses it, no orientation test needed
        int orientation = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, x, y);
        if (orientation == 0) return ON_EDGE;
        if (y2 < y1) orientation = -orientation;
        return orientation > 0 ? 1 : 0;
    }

    /** Whether the segment a→b touches or crosses any ring edge. */
    boolean crossedBy(double ax, double ay, double bx, double by) {
        for (int r = 0; r + 1 < ringStarts.length; r++) {
            for (int i = ringStarts[r], last = ringStarts[r + 1] - 1; i < last; i++) {
                if (edgeMeets(i, ax, ay, bx, by)) return true;
            }
        }
        return false;
    }

    /** {@link #crossedBy(double, double, double, double)} over the given edges only. */
    boolean crossedBy(double ax, double ay, double bx, double by, int[] edges, int from, int to) {
        for (int k = from; k < to; k++) {
            if (edgeMeets(edges[k], ax, ay, bx, by)) return true;
        }
        return false;
    }

    private boolean edgeMeets(int i, double ax, double ay, double bx, double by) {
        double px = xs[i];
        double py = ys[i];
        double qx = xs[i + 1];
        double qy = ys[i + 1];
        if ((px < ax && px < bx && qx < ax && qx < bx) || (px > ax && px > bx && qx > ax && qx > bx)
                || (py < ay && py < by && qy < ay && qy < by) || (py > ay && py > by && qy > ay && qy > by)) {
            return false;
        }
        int o1 = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, px, py);
        int o2 = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, qx, qy);
        if (o1 * o2 > 0) return false;
        int o3 = CGAlgorithmsDD.orientationIndex(px, py, qx, qy, ax, ay);
        int o4 = CGAlgorithmsDD.orientationIndex(px, py, qx, qy, bx, by);
        // Either a proper crossing or a touch; collinear overlap also lands here because the boxes overlap.
        return o3 * o4 <= 0;
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
