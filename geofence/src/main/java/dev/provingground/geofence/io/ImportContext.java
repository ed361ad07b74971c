package dev.provingground.geofence.io;

import java.util.Objects;
import java.util.Set;

import dev.provingground.geofence.GeoAnchor;

/**
 * What an import needs to know about the site the zones are for.
 *
 * @param site   the site id; features may omit their {@code site} property, which then defaults to it
 * @param levels the site's level ids (mapIds); a zone on any other level is rejected
 * @param anchor the site's geo anchor, or null when it has none (WGS 84 input is then rejected)
 */
public record ImportContext(String site, Set<String> levels, GeoAnchor anchor) {

    public ImportContext {
        Objects.requireNonNull(site, "site");
        levels = Set.copyOf(levels);
    }
}
