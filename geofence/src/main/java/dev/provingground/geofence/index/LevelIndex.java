package dev.provingground.geofence.index;

import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;

import dev.provingground.geofence.ZoneKind;

/** The zones of one level and their STRtree; immutable once built. */
public final class LevelIndex {

    private final String level;
    private final List<IndexedZone> zones;
    private final List<IndexedZone> operatingAreas;
    private final STRtree tree;

    LevelIndex(String level, List<IndexedZone> zones) {
        this.level = level;
        this.zones = List.copyOf(zones);
        this.operatingAreas = this.zones.stream().filter(z -> z.zone().kind() == ZoneKind.OPERATING_AREA).toList();
        STRtree t = new STRtree();
        for (IndexedZone z : this.zones) t.insert(z.envelope(), z);
        t.build(); // built here, off the evaluation path, so queries never find it unbuilt
        this.tree = t;
    }

    public String level() {
        return level;
    }

    /** Every zone on the level, in the order they were given. */
    public List<IndexedZone> zones() {
        return zones;
    }

    public List<IndexedZone> operatingAreas() {
        return operatingAreas;
    }

    /** Visits every zone whose bounding box intersects the envelope. */
    public void query(Envelope envelope, ItemVisitor visitor) {
        tree.query(envelope, visitor);
    }
}
