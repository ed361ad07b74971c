package dev.provingground.server.api;

import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionParameter;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.Edge;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Node;
import dev.provingground.vda5050.NodePosition;
import dev.provingground.vda5050.Order;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the API's order and instant-action requests into VDA 5050 messages.
 *
 * <p>An order request is a list of nodes ({@code x}, {@code y}, {@code mapId}, optional {@code nodeId},
 * {@code theta}, {@code actions}) and optional {@code orderId} and {@code maxSpeed}; the server adds the edges
 * between consecutive nodes and the sequence ids, and releases the whole order.
 */
public final class OrderRequests {

    public Order order(JsonObject body) {
        String orderId = optionalString(body, "orderId");
        if (orderId == null) orderId = "order-" + UUID.randomUUID();
        JsonArray nodesJson = array(body, "nodes");
        if (nodesJson.isEmpty()) throw ApiError.badRequest("nodes", "at least one node is required");
        Double maxSpeed = optionalNumber(body, "maxSpeed");
        if (maxSpeed != null && maxSpeed <= 0) throw ApiError.badRequest("maxSpeed", "must be > 0, got " + maxSpeed);

        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < nodesJson.size(); i++) {
            String path = "nodes[" + i + "]";
            if (!(nodesJson.getValue(i) instanceof JsonObject n)) throw ApiError.badRequest(path, "must be an object");
            String nodeId = optionalString(n, "nodeId", path);
            if (nodeId == null) nodeId = "n" + i;
            double x = number(n, "x", path);
            double y = number(n, "y", path);
            String mapId = optionalString(n, "mapId", path);
            if (mapId == null || mapId.isBlank()) throw ApiError.badRequest(path + ".mapId", "required");
            NodePosition position = NodePosition.of(x, y, mapId);
            Double theta = optionalNumber(n, "theta", path);
            if (theta != null) position = position.withTheta(theta);
            nodes.add(Node.of(nodeId, 2L * i, true, position, actions(n, path)));
            if (i > 0) {
                Node from = nodes.get(i - 1);
                Edge edge = Edge.of("e" + (i - 1) + "-" + i, 2L * i - 1, true, from.nodeId(), nodeId, List.of());
                edges.add(maxSpeed == null ? edge : edge.withMaxSpeed(maxSpeed));
            }
        }
        return Order.create(orderId, 0, nodes, edges);
    }

    public InstantActions instantActions(JsonObject body) {
        JsonArray json = array(body, "actions");
        if (json.isEmpty()) throw ApiError.badRequest("actions", "at least one action is required");
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            String path = "actions[" + i + "]";
            if (!(json.getValue(i) instanceof JsonObject a)) throw ApiError.badRequest(path, "must be an object");
            actions.add(action(a, path, BlockingType.HARD));
        }
        return InstantActions.create(actions);
    }

    private static List<Action> actions(JsonObject node, String path) {
        Object value = node.getValue("actions");
        if (value == null) return List.of();
        if (!(value instanceof JsonArray arr)) throw ApiError.badRequest(path + ".actions", "must be an array");
        List<Action> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = path + ".actions[" + i + "]";
            if (!(arr.getValue(i) instanceof JsonObject a)) throw ApiError.badRequest(p, "must be an object");
            out.add(action(a, p, BlockingType.NONE));
        }
        return out;
    }

    private static Action action(JsonObject a, String path, BlockingType defaultBlocking) {
        String type = optionalString(a, "actionType", path);
        if (type == null || type.isBlank()) throw ApiError.badRequest(path + ".actionType", "required");
        String id = optionalString(a, "actionId", path);
        if (id == null) id = type + "-" + UUID.randomUUID();
        BlockingType blocking = defaultBlocking;
        String b = optionalString(a, "blockingType", path);
        if (b != null) {
            try {
                blocking = BlockingType.valueOf(b);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(path + ".blockingType", "must be NONE, SOFT or HARD, got \"" + b + "\"");
            }
        }
        List<ActionParameter> params = new ArrayList<>();
        Object p = a.getValue("actionParameters");
        if (p != null) {
            if (!(p instanceof JsonArray arr)) throw ApiError.badRequest(path + ".actionParameters", "must be an array");
            for (int i = 0; i < arr.size(); i++) {
                String pp = path + ".actionParameters[" + i + "]";
                if (!(arr.getValue(i) instanceof JsonObject kv) || !(kv.getValue("key") instanceof String key))
                    throw ApiError.badRequest(pp, "must be an object with a string key and a value");
                if (!kv.containsKey("value")) throw ApiError.badRequest(pp + ".value", "required");
                params.add(ActionParameter.of(key, unwrap(kv.getValue("value"))));
            }
        }
        return Action.of(type, id, blocking, params);
    }

    private static Object unwrap(Object v) {
        if (v instanceof JsonObject o) return o.getMap();
        if (v instanceof JsonArray a) return a.getList();
        return v;
    }

    private static JsonArray array(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) throw ApiError.badRequest(field, "required");
        if (!(v instanceof JsonArray arr)) throw ApiError.badRequest(field, "must be an array");
        return arr;
    }

    private static double number(JsonObject o, String field, String path) {
        Double v = optionalNumber(o, field, path);
        if (v == null) throw ApiError.badRequest(path + "." + field, "required");
        return v;
    }

    private static Double optionalNumber(JsonObject o, String field) {
        return optionalNumber(o, field, null);
    }

    private static Double optionalNumber(JsonObject o, String field, String path) {
        Object v = o.getValue(field);
        String where = path == null ? field : path + "." + field;
        if (v == null) return null;
        if (!(v instanceof Number n)) throw ApiError.badRequest(where, "must be a number");
        double d = n.doubleValue();
        if (!Double.isFinite(d)) throw ApiError.badRequest(where, "must be finite");
        return d;
    }

    private static String optionalString(JsonObject o, String field) {
        return optionalString(o, field, null);
    }

    private static String optionalString(JsonObject o, String field, String path) {
        Object v = o.getValue(field);
        if (v == null) return null;
        if (!(v instanceof String s)) throw ApiError.badRequest(path == null ? field : path + "." + field, "must be a string");
        return s;
    }
}
