package dev.provingground.trackrecord.export;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * What to export.
 *
 * @param from            period start (inclusive), or {@code null} for the log's beginning
 * @param to              period end (exclusive), or {@code null} for the latest checkpoint
 * @param robots          robots the KPIs are about; empty for all. Leaves are never filtered by robot: the bundle
 *                        holds every leaf of its range, or the signed root could not be recomputed
 * @param sinceCheckpoint a signed checkpoint note of this log the recipient already holds; the bundle then carries a
 *                        consistency proof from it. {@code null} for none
 * @param siteTimeZone    the site's time zone as the server's configuration gives it, for the period in local time
 *                        when the log holds no site definition; {@code null} when unknown
 */
public record ExportQuery(Instant from, Instant to, Set<String> robots, String sinceCheckpoint, ZoneId siteTimeZone) {

    public ExportQuery(Instant from, Instant to, Set<String> robots, String sinceCheckpoint) {
        this(from, to, robots, sinceCheckpoint, null);
    }

    public ExportQuery {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("export period start " + from + " must be before its end " + to);
        }
        robots = robots == null ? Set.of() : Set.copyOf(robots);
    }

    public static ExportQuery everything() {
        return new ExportQuery(null, null, Set.of(), null);
    }

    public ExportQuery withPeriod(Instant periodFrom, Instant periodTo) {
        return new ExportQuery(periodFrom, periodTo, robots, sinceCheckpoint, siteTimeZone);
    }

    public ExportQuery withRobots(Set<String> robotFilter) {
        return new ExportQuery(from, to, robotFilter, sinceCheckpoint, siteTimeZone);
    }

    public ExportQuery withSiteTimeZone(ZoneId zone) {
        return new ExportQuery(from, to, robots, sinceCheckpoint, zone);
    }

    public ExportQuery withSinceCheckpoint(String note) {
        return new ExportQuery(from, to, robots, note, siteTimeZone);
    }
}
