package dev.provingground.trackrecord.context;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change of the site's configuration (site and levels, zones and their rules, elevator rules) as the log holds
 * it: the {@code config.change} event, its leaf and its details verbatim.
 *
 * @param target   SITE, ZONE, RULE or ELEVATOR
 * @param targetId the changed item
 * @param action   CREATE, UPDATE or DELETE
 * @param actor    who made it
 * @param details  the new definition, or {@code null}
 */
public record RuleChange(LogStamp at, String target, String targetId, String action, String actor, JsonNode details) {
}
