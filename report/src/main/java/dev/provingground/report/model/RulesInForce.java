package dev.provingground.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.context.RuleChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The site, zone, rule and elevator changes that shaped a period: for each item, its latest change at or before the
 * period's start unless that was a deletion (the rules in force when the period began), then every change during the
 * period. A period with an open start keeps every change. Pure: no I/O.
 */
public final class RulesInForce {

    /** Characters of a change's details shown; the whole text is in the bundle's context.json. */
    static final int DETAILS_SHOWN = 400;

    private RulesInForce() {
    }

    /**
     * @param changes every change up to the bundle's end, oldest first (context.json's {@code rules})
     * @param from    the period's start, or {@code null} when open
     */
    public static List<RuleChange> over(List<RuleChange> changes, Instant from) {
        if (from == null) return List.copyOf(changes);
        List<RuleChange> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // Walking back from the last change before the period, the first change met of each item is its state then.
        for (int i = changes.size() - 1; i >= 0; i--) {
            RuleChange change = changes.get(i);
            if (change.at().time().isAfter(from)) continue;
            if (seen.add(change.target() + "\u0000" + change.targetId()) && !"DELETE".equals(change.action())) {
                kept.add(0, change);
            }
        }
        changes.stream().filter(change -> change.at().time().isAfter(from)).forEach(kept::add);
        return kept;
    }

    /**
     * A change's details for reading: JSON with a space after each comma and colon so it wraps between items, keys
     * unquoted, without geometries (a zone's polygon says nothing a reader can check by eye; its name, kind and rules
     * do), cut after {@link #DETAILS_SHOWN} characters.
     */
    public static String details(RuleChange change) {
        if (change.details() == null) return "";
        StringBuilder text = new StringBuilder();
        write(change.details(), text);
        return text.length() <= DETAILS_SHOWN ? text.toString() : text.substring(0, DETAILS_SHOWN) + " …";
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            String separator = "";
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("geometry")) continue;
                out.append(separator).append(field.getKey()).append(": ");
                write(field.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(", ");
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }
}
