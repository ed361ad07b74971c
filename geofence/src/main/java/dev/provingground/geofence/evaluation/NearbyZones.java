package dev.provingground.geofence.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;

import dev.provingground.geofence.index.IndexedZone;
import dev.provingground.geofence.index.LevelIndex;

/**
 * The zones near one robot's recent moves, looked up in the level's tree for a window a few metres wider than a
 * move and kept between updates: a robot moves well under a metre between samples, so most updates reuse the
 * window. The zones' bounding boxes are copied into one flat array, so that picking out the few zones a move can
 * meet reads only this robot's memory rather than every nearby zone's. The window is tied to the level index it
 * came from, which every zone edit of that level replaces, so an edit is seen at the next update.
 */
final class NearbyZones {

    /** Metres the window reaches beyond the move it was looked up for; a few samples' travel. */
    static final double MARGIN = 4.0;

    private final List<IndexedZone> zones = new ArrayList<>(16);
    /** minX, minY, maxX, maxY of each zone in {@link #zones}, in the same order. */
    private double[] bounds = new double[64];
    private final ItemVisitor collector = item -> add((IndexedZone) item);
    private final Envelope window = new Envelope();
    private LevelIndex level;
    private final List<IndexedZone> meeting = new ArrayList<>(4);

    /**
     * The zones whose bounding box meets the box of the move; the list is reused by the next call.
     */
    List<IndexedZone> meeting(LevelIndex index, double minX, double minY, double maxX, double maxY) {
        if (level != index || !(window.getMinX() <= minX && window.getMinY() <= minY
                && window.getMaxX() >= maxX && window.getMaxY() >= maxY)) {
            refill(index, minX, minY, maxX, maxY);
        }
        meeting.clear();
        double[] b = bounds;
        for (int i = 0, n = zones.size(); i < n; i++) {
            int k = 4 * i;
            if (b[k] <= maxX && b[k + 1] <= maxY && b[k + 2] >= minX && b[k + 3] >= minY) meeting.add(zones.get(i));
        }
        return meeting;
    }

    private void refill(LevelIndex index, double minX, double minY, double maxX, double maxY) {
        window.init(minX - MARGIN, maxX + MARGIN, minY - MARGIN, maxY + MARGIN);
        zones.clear();
        index.query(window, collector);
        level = index;
    }

    private void add(IndexedZone zone) {
        int k = 4 * zones.size();
        if (k + 4 > bounds.length) bounds = Arrays.copyOf(bounds, 2 * bounds.length);
        Envelope e = zone.envelope();
        bounds[k] = e.getMinX();
        bounds[k + 1] = e.getMinY();
        bounds[k + 2] = e.getMaxX();
        bounds[k + 3] = e.getMaxY();
        zones.add(zone);
    }
}
