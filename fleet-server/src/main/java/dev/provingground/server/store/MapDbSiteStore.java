package dev.provingground.server.store;

import dev.provingground.server.sites.SiteStore;
import dev.provingground.server.sites.SiteVersion;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sites in MapDB: {@code site-history} holds every version under {@code site/version}; one change, one commit. */
public final class MapDbSiteStore implements SiteStore {

    private static final VersionedJson<SiteVersion> VERSION = new VersionedJson<>(SiteVersion.class, 1);

    private final MapDbStore store;
    private final MapDbStore.Table history;

    public MapDbSiteStore(MapDbStore store) {
        this.store = store;
        this.history = store.table("site-history");
    }

    @Override
    public List<SiteVersion> loadHistory() {
        return history.readAll(VERSION::decode).values().stream()
                .sorted(Comparator.comparing(SiteVersion::site).thenComparingLong(SiteVersion::version)).toList();
    }

    @Override
    public void quarantine(SiteVersion version, String reason) {
        history.quarantine(key(version), reason);
    }

    @Override
    public CompletableFuture<Void> save(Collection<SiteVersion> versions) {
        return store.writeAll(writes -> {
            for (SiteVersion v : versions)
                writes.put(history, key(v), VERSION.encode(v));
        });
    }

    private static String key(SiteVersion v) {
        return v.site() + "/" + String.format("%012d", v.version());
    }
}
