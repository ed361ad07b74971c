package dev.provingground.server.sites;

import java.time.Instant;

/**
 * One version of a site: how it came about, by whom, when, and the site as it was then.
 *
 * @param definition the site in the site file format ({@code SiteFormat.write}), UTF-8 JSON text
 */
public record SiteVersion(String site, long version, Change change, String actor, Instant at, String definition) {

    /** CONFIGURED: read from a site file or handed in by the launcher (the demo); the others came over the API. */
    public enum Change { CONFIGURED, CREATED, UPDATED }
}
