package dev.provingground.app.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.Arrays;

/**
 * The server's REST API as the demo calls it: JSON over HTTP with a bearer token, like any other client. Every call
 * is asynchronous; nothing here blocks.
 */
final class DemoApi {

    /** An answer: its status, and its body as JSON when it has one. */
    record Answer(int status, JsonObject body) {
    }

    private final WebClient http;
    private final ServerEndpoint server;

    DemoApi(Vertx vertx, ServerEndpoint server) {
        this.http = WebClient.create(vertx, server.webClientOptions());
        this.server = server;
    }

    String operatorToken() {
        return server.operatorToken();
    }

    /** Sends {@code body} (a {@link JsonObject}, a JSON text, or nothing) and answers whatever status comes back. */
    Future<Answer> send(HttpMethod method, String path, String token, Object body) {
        var request = http.request(method, server.httpPort(), server.httpHost(), path)
                .putHeader("Authorization", "Bearer " + token);
        Future<HttpResponse<Buffer>> sent;
        if (body == null) sent = request.send();
        else if (body instanceof JsonObject json) sent = request.sendJsonObject(json);
        else sent = request.putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body.toString()));
        return sent.map(res -> new Answer(res.statusCode(), json(res)));
    }

    /** Like {@link #send}, failing unless the status is one of {@code expected}, with what the server said. */
    Future<JsonObject> call(HttpMethod method, String path, String token, Object body, int... expected) {
        return send(method, path, token, body).compose(answer -> {
            if (Arrays.stream(expected).anyMatch(s -> s == answer.status())) return Future.succeededFuture(answer.body());
            return Future.failedFuture(new IllegalStateException(method + " " + path + " answered " + answer.status()
                    + (answer.body() == null ? "" : ": " + answer.body().encode())));
        });
    }

    Future<JsonObject> get(String path) {
        return call(HttpMethod.GET, path, operatorToken(), null, 200);
    }

    void close() {
        http.close();
    }

    private static JsonObject json(HttpResponse<Buffer> res) {
        Buffer body = res.body();
        if (body == null || body.length() == 0) return null;
        try {
            return body.toJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
