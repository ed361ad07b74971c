package dev.provingground.server.sites;

import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Every version of every site, and which one is current at start-up.
 *
 * <p>A configured site (site file, demo) is version 1. It is written to the store only together with the first
 * edit made over the API, so a site file edited while the server is down still takes effect as long as nobody has
 * changed the site over the API; once somebody has, the newest stored version wins at start-up.
 */
public final class SiteHistory {

    private static final Logger LOG = Logger.getLogger(SiteHistory.class.getName());

    private final SiteStore store;
    private final Map<String, List<SiteVersion>> versions = new LinkedHashMap<>();
    private final Map<String, SiteVersion> unsaved = new LinkedHashMap<>();
    private final Map<String, Site> current = new LinkedHashMap<>();

    private SiteHistory(SiteStore store) {
        this.store = store;
    }

    /**
     * @param configured the sites from configuration, in order
     */
    public static SiteHistory load(SiteStore store, List<Site> configured, Clock clock) {
        SiteHistory h = new SiteHistory(store);
        Map<String, List<SiteVersion>> stored = new LinkedHashMap<>();
        for (SiteVersion v : store.loadHistory()) stored.computeIfAbsent(v.site(), k -> new ArrayList<>()).add(v);
        for (Site site : configured) {
            if (h.current.containsKey(site.id()))
                throw new IllegalArgumentException("site \"" + site.id() + "\" is configured twice");
            List<SiteVersion> earlier = stored.remove(site.id());
            if (earlier == null || !h.adopt(earlier)) {
                SiteVersion initial = new SiteVersion(site.id(), 1, SiteVersion.Change.CONFIGURED, "config",
                        clock.instant(), text(site));
                h.versions.put(site.id(), new ArrayList<>(List.of(initial)));
                h.unsaved.put(site.id(), initial);
                h.current.put(site.id(), site);
            } else {
                SiteVersion first = earlier.get(0);
                if (first.change() == SiteVersion.Change.CONFIGURED && !first.definition().equals(text(site)))
                    LOG.warning("site \"" + site.id() + "\": its configuration differs from the one its stored edits"
                            + " started from; stored version " + earlier.get(earlier.size() - 1).version() + " wins");
            }
        }
        stored.values().forEach(h::adopt); // sites created over the API
        return h;
    }

    /**
     * Takes the newest stored version that still reads as a site. A newer one that does not (stored by an older,
     * laxer server) is quarantined, so it never keeps the server from starting.
     *
     * @return false when no stored version reads as a site
     */
    private boolean adopt(List<SiteVersion> stored) {
        List<SiteVersion> usable = new ArrayList<>(stored);
        while (!usable.isEmpty()) {
            SiteVersion last = usable.get(usable.size() - 1);
            try {
                Site site = SiteFormat.read(last.definition().getBytes(StandardCharsets.UTF_8),
                        "stored site " + last.site() + " version " + last.version());
                versions.put(last.site(), usable);
                current.put(last.site(), site);
                return true;
            } catch (RuntimeException e) {
                store.quarantine(last, "no longer a valid site: " + e.getMessage());
                usable.remove(usable.size() - 1);
            }
        }
        return false;
    }

    /** The version of every site to start with: configured ones first, in configuration order. */
    public List<Site> sitesAtStartUp() {
        return List.copyOf(current.values());
    }

    /** Every version of a site, oldest first; empty for an unknown site. */
    public List<SiteVersion> of(String site) {
        List<SiteVersion> all = versions.get(site);
        return all == null ? List.of() : List.copyOf(all);
    }

    /** The version number the next change of this site gets. */
    public long nextVersion(String site) {
        List<SiteVersion> all = versions.get(site);
        return all == null ? 1 : all.get(all.size() - 1).version() + 1;
    }

    /** Appends a version and stores it, with the configured version it replaces if that was never stored. */
    public CompletableFuture<Void> append(SiteVersion next) {
        versions.computeIfAbsent(next.site(), k -> new ArrayList<>()).add(next);
        List<SiteVersion> toSave = new ArrayList<>(2);
        SiteVersion initial = unsaved.remove(next.site());
        if (initial != null) toSave.add(initial);
        toSave.add(next);
        // A version that could not be stored is no version: the history is as it was before.
        return store.save(toSave).whenComplete((done, failure) -> {
            if (failure == null) return;
            List<SiteVersion> all = versions.get(next.site());
            if (all != null) all.remove(next);
            if (initial != null) unsaved.put(next.site(), initial);
        });
    }

    public static String text(Site site) {
        return new String(SiteFormat.write(site), StandardCharsets.UTF_8);
    }
}
