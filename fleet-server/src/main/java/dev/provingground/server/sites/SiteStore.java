package dev.provingground.server.sites;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Persistence of site versions; the MapDB implementation lives in the store package. */
public interface SiteStore {

    /** Every stored version of every site, each site's oldest first (read at start-up). */
    List<SiteVersion> loadHistory();

    /** Sets a stored version aside: it cannot be read as a site any more, and the server runs without it. */
    void quarantine(SiteVersion version, String reason);

    /** Records the versions of one change together (all or none). */
    CompletableFuture<Void> save(Collection<SiteVersion> versions);
}
