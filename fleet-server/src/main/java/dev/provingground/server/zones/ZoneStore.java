package dev.provingground.server.zones;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.List;

/** Persistence of zones and their history; the MapDB implementation lives in the store package. */
public interface ZoneStore {

    /** The latest version of every zone that exists (not deleted), all sites. */
    Collection<ZoneVersion> loadCurrent();

    /** Every version of every zone, deleted ones included, each zone's oldest first (read at start-up). */
    List<ZoneVersion> loadHistory();

    /** Sets the zone's stored current version aside: it cannot be read any more, and the server runs without it. */
    void quarantine(ZoneVersion zone, String reason);

    /** Records the versions of one change together (all or none). */
    CompletableFuture<Void> save(Collection<ZoneVersion> versions);
}
