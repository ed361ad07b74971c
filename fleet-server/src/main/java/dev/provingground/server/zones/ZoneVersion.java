package dev.provingground.server.zones;

import java.time.Instant;

/**
 * One version of a zone: what was done, by whom, when, and the zone as it was afterwards.
 *
 * @param feature the zone as a GeoJSON Feature in the level frame; null once deleted
 */
public record ZoneVersion(String site, String zoneId, long version, Change change, String actor, Instant at,
                          String feature) {

    public enum Change { CREATED, UPDATED, DELETED, CLOSED, OPENED }
}
