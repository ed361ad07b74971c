package dev.provingground.trackrecord.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code config.change}: someone changed the site's configuration. Changes to zones and rules are written to the site
 * log and to every firm log of the site, so each firm's record shows the rules it ran under.
 *
 * @param actor    who made the change (user name, or {@code system})
 * @param target   SITE, ZONE, RULE, ELEVATOR, CREDENTIAL or ROBOT
 * @param targetId the changed item's identifier
 * @param action   CREATE, UPDATE or DELETE
 * @param details  optional JSON object: the new definition (e.g. the zone's GeoJSON feature and rules); never secrets
 *                 (for a CREDENTIAL, only which credential changed). Stored with keys sorted, for canonical bytes.
 */
public record ConfigurationChange(String actor, Target target, String targetId, Action action, JsonNode details)
        implements EventBody {

    public enum Target { SITE, ZONE, RULE, ELEVATOR, CREDENTIAL, ROBOT }

    public enum Action { CREATE, UPDATE, DELETE }

    public ConfigurationChange {
        Require.text(actor, "actor");
        Require.present(target, "target");
        Require.text(targetId, "targetId");
        Require.present(action, "action");
        if (details != null && details.isNull()) {
            details = null;
        }
        if (details != null) {
            if (!details.isObject()) {
                throw new IllegalArgumentException("details must be a JSON object, got " + details.getNodeType());
            }
            details = sorted(details, "details");
        }
    }

    private static JsonNode sorted(JsonNode node, String path) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : fields) {
                out.set(field.getKey(), sorted(field.getValue(), path + "." + field.getKey()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(sorted(node.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        if (node.isNumber() && node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException(path + " must be a finite number");
        }
        return node;
    }
}
