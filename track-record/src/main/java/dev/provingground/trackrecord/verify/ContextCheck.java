package dev.provingground.trackrecord.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.context.BundleContext;
import dev.provingground.trackrecord.context.ContextFiles;
import dev.provingground.trackrecord.export.BundleLayout;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares context.json with the context derived again from the proven leaves (the context leaves and the exported
 * events), naming the first field that differs and the leaf that says otherwise.
 */
final class ContextCheck {

    void compare(BundleFiles files, BundleContext derived) throws IOException {
        JsonNode claimed;
        try {
            claimed = ContextFiles.readTree(files.bytes(BundleLayout.CONTEXT, BundleFiles.MAX_SMALL_FILE));
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(BundleLayout.CONTEXT + ": " + e.getMessage());
        }
        String difference = firstDifference("", claimed, ContextFiles.tree(derived));
        if (difference != null) {
            throw new BundleProblem(BundleLayout.CONTEXT + ": " + difference
                    + " — the identity and rules sections must be what the log's config.change leaves say");
        }
    }

    /** Where {@code got} differs from {@code want}, or null when they are equal. */
    private static String firstDifference(String path, JsonNode got, JsonNode want) {
        if (want.isObject() && got.isObject()) {
            TreeSet<String> fields = new TreeSet<>();
            got.fieldNames().forEachRemaining(fields::add);
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.remove(field.getKey());
                JsonNode value = got.get(field.getKey());
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (value == null) return at + " is missing; the log gives " + show(field.getValue());
                String inner = firstDifference(at, value, field.getValue());
                if (inner != null) return inner;
            }
            return fields.isEmpty() ? null : (path.isEmpty() ? "" : path + ".") + fields.first()
                    + " is not derived from the log";
        }
        if (want.isArray() && got.isArray()) {
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                String at = path + "[" + label(want.get(i), got.get(i), i) + "]";
                if (i >= got.size()) return at + " is missing; the log gives " + show(want.get(i));
                if (i >= want.size()) return at + " is not in the log";
                String inner = firstDifference(at, got.get(i), want.get(i));
                if (inner != null) return inner + where(want.get(i));
            }
            return null;
        }
        boolean same = want.isNumber() && got.isNumber() ? want.decimalValue().compareTo(got.decimalValue()) == 0
                : want.equals(got);
        return same ? null : path + " is " + show(got) + " but the log gives " + show(want);
    }

    /** Robots are named by id, rules by their leaf, so the message points at the right item. */
    private static String label(JsonNode want, JsonNode got, int i) {
        JsonNode item = want != null ? want : got;
        if (item != null && item.hasNonNull("id")) return item.get("id").asText();
        return String.valueOf(i);
    }

    private static String where(JsonNode want) {
        if (want.hasNonNull("leaf")) return " (leaf " + want.get("leaf").asLong() + ")";
        JsonNode registered = want.path("registered");
        if (registered.hasNonNull("leaf")) return " (registered at leaf " + registered.get("leaf").asLong() + ")";
        return "";
    }

    private static String show(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
