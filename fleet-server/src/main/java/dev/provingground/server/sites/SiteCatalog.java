package dev.provingground.server.sites;

import dev.provingground.server.sites.changes.SiteService;

import dev.provingground.site.Site;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sites this server runs, each in its current version. Edits come from {@link SiteService} on the event loop;
 * readers on any thread see either the old or the new version of a site, never a mix, because an edit swaps in a
 * fresh immutable map.
 */
public final class SiteCatalog {

    private volatile Map<String, Site> sites;

    public SiteCatalog(Collection<Site> initial) {
        Map<String, Site> all = new LinkedHashMap<>();
        for (Site s : initial) {
            if (all.putIfAbsent(s.id(), s) != null)
                throw new IllegalArgumentException("site \"" + s.id() + "\" is configured twice");
        }
        sites = Collections.unmodifiableMap(all);
    }

    public List<Site> all() {
        return List.copyOf(sites.values());
    }

    public Optional<Site> find(String id) {
        return Optional.ofNullable(sites.get(id));
    }

    public Set<String> ids() {
        return Set.copyOf(sites.keySet());
    }

    /** Adds the site, or replaces the site with the same id, in one step. */
    public synchronized void put(Site site) {
        Map<String, Site> next = new LinkedHashMap<>(sites);
        next.put(site.id(), site);
        sites = Collections.unmodifiableMap(next);
    }
}
