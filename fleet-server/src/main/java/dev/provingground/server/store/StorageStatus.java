package dev.provingground.server.store;

import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.store.StorageHealth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the server can write: its database and its track record, each as its writer last found. Both recover by
 * themselves once writing works again (their writers retry with back-off), so this only reports. Three states:
 * failing (a store cannot write: changes are refused), degraded (everything writes, but part of what the server
 * keeps is missing or late: records quarantined at this start, robot events still held from a failed spell), or
 * well.
 */
public final class StorageStatus {

    private final MapDbStore database;
    private final TrackRecordStore trackRecord;

    public StorageStatus(MapDbStore database, TrackRecordStore trackRecord) {
        this.database = database;
        this.trackRecord = trackRecord;
    }

    /** Each store's health by name ({@code database}, {@code trackRecord}). */
    public Map<String, StorageHealth> stores() {
        Map<String, StorageHealth> stores = new LinkedHashMap<>();
        stores.put("database", database.health());
        stores.put("trackRecord", trackRecord.health());
        return stores;
    }

    /**
     * The records set aside at start-up because they could not be read, this run's and earlier runs', oldest first:
     * the database's own and what other stores moved aside (floor-plan images, track-record logs).
     */
    public List<QuarantinedRecord> quarantined() {
        return database.quarantined();
    }

    /**
     * Why the server works but not wholly, each reason in plain words; empty when nothing is amiss. Records
     * quarantined at an earlier start are listed by {@link #quarantined()} but no longer degrade: they were
     * reported when they were set aside.
     */
    public List<String> degradations() {
        List<String> reasons = new ArrayList<>();
        StorageHealth record = trackRecord.health();
        if (!record.failing() && record.heldEvents() > 0)
            reasons.add(record.heldEvents() + " robot events held in memory while storage failed are not yet written "
                    + "to the track record");
        int setAside = database.quarantinedThisRun().size();
        if (setAside > 0)
            reasons.add(setAside + " stored record" + (setAside == 1 ? "" : "s") + " could not be read at start-up "
                    + "and " + (setAside == 1 ? "was" : "were") + " quarantined; the server runs without "
                    + (setAside == 1 ? "it" : "them") + " (GET /api/v1/quarantine)");
        return reasons;
    }

    /** True while either store cannot write. */
    public boolean failing() {
        return database.health().failing() || trackRecord.health().failing();
    }
}
