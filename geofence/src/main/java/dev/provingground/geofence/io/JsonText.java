package dev.provingground.geofence.io;

import com.fasterxml.jackson.databind.JsonNode;

/** Short renderings of JSON values for error messages. */
final class JsonText {

    private static final int MAX = 60;

    private JsonText() {
    }

    static String brief(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        String text = node.toString();
        return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    }
}
