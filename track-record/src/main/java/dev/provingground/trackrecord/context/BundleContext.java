package dev.provingground.trackrecord.context;

import java.util.List;
import java.util.Optional;

/**
 * Who and where a bundle is about, derived from the log alone: the robots with their identity, and the site's
 * configuration (site and levels, zones and rules, elevator rules) with its history.
 *
 * @param site     the site of the log
 * @param firm     the firm of the log, {@code null} for a site log
 * @param timeZone the site's IANA time zone as its latest recorded definition gives it, or {@code null}
 * @param levels   level ids of the site's latest recorded definition
 * @param robots   every robot registered in the log or named by an exported event, by id
 * @param rules    every recorded change of site, zones, rules and elevators up to the bundle's end, oldest first
 */
public record BundleContext(String site, String firm, String timeZone, List<String> levels, List<RobotIdentity> robots,
                            List<RuleChange> rules) {

    public BundleContext {
        levels = List.copyOf(levels);
        robots = List.copyOf(robots);
        rules = List.copyOf(rules);
    }

    public Optional<RobotIdentity> robot(String id) {
        return robots.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
