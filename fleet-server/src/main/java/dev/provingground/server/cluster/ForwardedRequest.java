package dev.provingground.server.cluster;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * A REST request or its answer as it crosses the event bus between the node that took it and the site's owner:
 * method, URI, headers and body in one JSON message. Hop-by-hop headers stay behind.
 */
final class ForwardedRequest {

    /** Headers that belong to one HTTP connection, not to the request or answer. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "upgrade", "host", "content-length", "proxy-connection", "trailer");

    private ForwardedRequest() {
    }

    static JsonObject request(String method, String uri, MultiMap headers, Buffer body) {
        return new JsonObject().put("method", method).put("uri", uri).put("headers", headers(headers))
                .put("body", Base64.getEncoder().encodeToString(body.getBytes()));
    }

    static JsonObject answer(int status, MultiMap headers, Buffer body) {
        return new JsonObject().put("status", status).put("headers", headers(headers))
                .put("body", Base64.getEncoder().encodeToString(body.getBytes()));
    }

    static Buffer body(JsonObject message) {
        return Buffer.buffer(Base64.getDecoder().decode(message.getString("body")));
    }

    /** Copies the message's headers onto {@code target}. */
    static void copyHeaders(JsonObject message, MultiMap target) {
        for (Object o : message.getJsonArray("headers")) {
            JsonArray pair = (JsonArray) o;
            target.add(pair.getString(0), pair.getString(1));
        }
    }

    private static JsonArray headers(MultiMap headers) {
        JsonArray all = new JsonArray();
        headers.forEach(e -> {
            if (!HOP_BY_HOP.contains(e.getKey().toLowerCase(Locale.ROOT)))
                all.add(new JsonArray().add(e.getKey()).add(e.getValue()));
        });
        return all;
    }
}
