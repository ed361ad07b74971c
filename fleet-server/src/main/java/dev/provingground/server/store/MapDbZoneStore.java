package dev.provingground.server.store;

import dev.provingground.server.zones.ZoneStore;
import dev.provingground.server.zones.ZoneVersion;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Zones in MapDB: {@code zones} holds each zone's latest version, {@code zone-history} every version under
 * {@code site/zone/version}. One change writes all its versions in one commit.
 */
public final class MapDbZoneStore implements ZoneStore {

    private static final VersionedJson<ZoneVersion> VERSION = new VersionedJson<>(ZoneVersion.class, 1);

    private final MapDbStore store;
    private final MapDbStore.Table current;
    private final MapDbStore.Table history;

    public MapDbZoneStore(MapDbStore store) {
        this.store = store;
        this.current = store.table("zones");
        this.history = store.table("zone-history");
    }

    @Override
    public Collection<ZoneVersion> loadCurrent() {
        return List.copyOf(current.readAll(VERSION::decode).values());
    }

    @Override
    public List<ZoneVersion> loadHistory() {
        return history.readAll(VERSION::decode).values().stream()
                .sorted(Comparator.comparing(ZoneVersion::site).thenComparing(ZoneVersion::zoneId)
                        .thenComparingLong(ZoneVersion::version)).toList();
    }

    @Override
    public void quarantine(ZoneVersion zone, String reason) {
        current.quarantine(zone.site() + "/" + zone.zoneId(), reason);
    }

    @Override
    public CompletableFuture<Void> save(Collection<ZoneVersion> versions) {
        return store.writeAll(writes -> {
            for (ZoneVersion v : versions) {
                String key = v.site() + "/" + v.zoneId();
                byte[] value = VERSION.encode(v);
                writes.put(history, key + "/" + String.format("%012d", v.version()), value);
                if (v.change() == ZoneVersion.Change.DELETED) writes.remove(current, key);
                else writes.put(current, key, value);
            }
        });
    }
}
