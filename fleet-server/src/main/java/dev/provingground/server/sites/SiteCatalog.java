package dev.provingground.server.sites;

import dev.provingground.site.Site;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sites this server runs. Immutable for now; editing sites over the API comes with the sites issue. */
public final class SiteCatalog {

    private final Map<String, Site> sites = new LinkedHashMap<>();

    public SiteCatalog(Collection<Site> initial) {
        for (Site s : initial) {
            if (sites.putIfAbsent(s.id(), s) != null)
                throw new IllegalArgumentException("site \"" + s.id() + "\" is configured twice");
        }
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
}
