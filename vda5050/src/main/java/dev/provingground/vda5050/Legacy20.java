package dev.provingground.vda5050;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Rewrites an encoded 2.1.0 server-to-vehicle message the way a 2.0.0 vehicle reads it. */
final class Legacy20 {

    static final String VERSION = "2.0.0";

    private Legacy20() {
    }

    /** 2.0.0 action parameter values are scalars or arrays; an object value has no 2.0.0 form. */
    private static void requirePlainParameters(JsonNode actions, String where) {
        for (JsonNode action : actions) {
            for (JsonNode parameter : action.path("actionParameters")) {
                if (parameter.path("value").isObject()) {
                    throw new Vda5050EncodeException(Topic.ORDER, where + " action " + action.path("actionType").asText()
                            + " parameter " + parameter.path("key").asText()
                            + ": object values cannot be sent to a 2.0.0 vehicle", null);
                }
            }
        }
    }

    static byte[] downgrade(ObjectMapper mapper, byte[] json) {
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(json);
            root.put("version", VERSION);
            if (root.has("actions") && !root.has("nodes")) {
                root.set("instantActions", root.remove("actions"));
            }
            for (JsonNode node : root.path("nodes")) {
                JsonNode position = node.get("nodePosition");
                if (position instanceof ObjectNode p && p.has("allowedDeviationXY")) {
                    p.set("allowedDeviationXy", p.remove("allowedDeviationXY"));
                }
                requirePlainParameters(node.path("actions"), "nodes[" + node.path("nodeId").asText() + "]");
            }
            for (JsonNode edge : root.path("edges")) {
                requirePlainParameters(edge.path("actions"), "edges[" + edge.path("edgeId").asText() + "]");
            }
            requirePlainParameters(root.path("instantActions"), "instantActions");
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("re-reading a message this codec just wrote", e);
        }
    }
}
