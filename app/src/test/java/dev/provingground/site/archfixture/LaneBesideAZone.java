package dev.provingground.site.archfixture;

import dev.provingground.geofence.Zone;

/** Scratch class for the architecture rules' own test: a site class using geofence, which is allowed. */
public final class LaneBesideAZone {
    public String zoneId(Zone zone) {
        return zone.id();
    }
}
