package dev.provingground.server.store;

import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.store.StorageHealth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the server can write: its database and its track record, each as its writer last found. Both recover by
 * themselves once writing works again (their writers retry with back-off), so this only reports; {@link #verdict()}
 * is what health makes of it.
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

    /** What health reports: DOWN, DEGRADED or UP, and why. */
    public HealthVerdict verdict() {
        return HealthVerdict.of(stores().values(), quarantinedThisRun());
    }

    /** How many records were quarantined at this start (earlier starts' are in {@link #quarantined()} too). */
    public int quarantinedThisRun() {
        return database.quarantinedThisRun().size();
    }

    /** True while either store cannot write. */
    public boolean failing() {
        return database.health().failing() || trackRecord.health().failing();
    }
}
