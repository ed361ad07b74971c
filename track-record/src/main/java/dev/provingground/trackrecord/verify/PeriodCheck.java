package dev.provingground.trackrecord.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.trackrecord.context.BundleContext;
import dev.provingground.trackrecord.export.BundleLayout;
import dev.provingground.trackrecord.export.Period;
import dev.provingground.trackrecord.kpi.KpiScope;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;

/**
 * manifest.json's period must say what the bundle holds: its bounds are the scope's, its first and last event times
 * those of events.jsonl, its local times the UTC ones in its time zone, and a zone it says comes from the log must be
 * the one of the site definition the log records.
 */
final class PeriodCheck {

    void check(JsonNode period, KpiScope scope, Instant[] firstAndLast, BundleContext context) {
        String zoneText = period.hasNonNull("timeZone") ? period.get("timeZone").asText() : null;
        String source = period.hasNonNull("timeZoneSource") ? period.get("timeZoneSource").asText() : null;
        ZoneId zone;
        try {
            zone = zoneText == null ? null : ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new BundleProblem(BundleLayout.MANIFEST + ": period.timeZone '" + zoneText + "' is not a time zone");
        }
        if ("log".equals(source) && !zoneText.equals(context.timeZone())) {
            throw new BundleProblem(BundleLayout.MANIFEST + ": period.timeZone " + zoneText + " is said to come from the "
                    + "log, but the log's site definition gives " + context.timeZone());
        }
        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        new Period(scope.from(), scope.to(), firstAndLast[0], firstAndLast[1], zone, source).write(expected);
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode got = period.path(field.getKey());
            if (got.isMissingNode() || !got.equals(field.getValue())) {
                throw new BundleProblem(BundleLayout.MANIFEST + ": period." + field.getKey() + " is "
                        + (got.isMissingNode() ? "missing" : got.toString()) + " but the bundle gives "
                        + field.getValue());
            }
        }
    }

    /** The period in one line, from a checked period object: UTC, and local time where the zone is known. */
    static String describe(JsonNode period) {
        boolean zoned = period.hasNonNull("timeZone");
        String out;
        if (!period.hasNonNull("from") && !period.hasNonNull("to")) {
            out = "period: the whole log";
        } else {
            out = "period " + text(period, "from", "the log's beginning") + " to " + text(period, "to", "the checkpoint")
                    + " UTC" + (zoned ? " (" + text(period, "fromLocal", "the log's beginning") + " to "
                    + text(period, "toLocal", "the checkpoint") + " " + period.get("timeZone").asText() + ")" : "");
        }
        if (period.hasNonNull("firstEvent")) {
            out += ", events " + period.get("firstEvent").asText() + " to " + period.get("lastEvent").asText() + " UTC"
                    + (zoned ? " (" + period.get("firstEventLocal").asText() + " to "
                    + period.get("lastEventLocal").asText() + " " + period.get("timeZone").asText() + ")" : "");
        }
        return out;
    }

    private static String text(JsonNode node, String field, String absent) {
        return node.hasNonNull(field) ? node.get(field).asText() : absent;
    }
}
