package dev.provingground.app.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The demo's remote operator: watches the live feed, and when enforcement pauses one of the demo's own robots (a
 * {@code PAUSE} rule broken), looks at it a while later and, still paused, resumes it with {@code stopPause} and
 * reports the help as a {@code REMOTE_ASSIST} intervention — all over the API. Robots it did not register itself it
 * never touches, whatever the feed says about them.
 */
final class DemoOperator {

    private static final Logger LOG = Logger.getLogger(DemoOperator.class.getName());
    /** Pause between attempts to get a lost feed back. */
    static final long RECONNECT_MILLIS = 1000;

    private final Vertx vertx;
    private final DemoApi api;
    private final ServerEndpoint server;
    private final Set<String> robots;
    private final long assistAfterMillis;
    private final Set<String> looking = new HashSet<>();
    private WebSocketClient client;
    private WebSocket feed;
    private volatile boolean stopping;

    /** @param robots the ids of the demo's own robots, the only ones it helps */
    DemoOperator(Vertx vertx, DemoApi api, ServerEndpoint server, Set<String> robots, Duration assistAfter) {
        this.vertx = vertx;
        this.api = api;
        this.server = server;
        this.robots = Set.copyOf(robots);
        this.assistAfterMillis = Math.max(1, assistAfter.toMillis());
    }

    /** Completes once the live feed is open. */
    Future<Void> start() {
        client = vertx.createWebSocketClient(server.webSocketOptions());
        return connect();
    }

    private Future<Void> connect() {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(server.httpHost())
                .setPort(server.httpPort()).setURI("/api/v1/live")
                .addHeader("Authorization", "Bearer " + server.operatorToken());
        return client.connect(options).map(ws -> {
            feed = ws;
            ws.textMessageHandler(this::onEvent);
            ws.closeHandler(v -> reconnectLater());
            return (Void) null;
        });
    }

    private void reconnectLater() {
        if (stopping) return;
        vertx.setTimer(RECONNECT_MILLIS, t -> {
            if (!stopping) connect().onFailure(e -> reconnectLater());
        });
    }

    private void onEvent(String text) {
        JsonObject event;
        try {
            event = new JsonObject(text);
        } catch (RuntimeException e) {
            return;
        }
        String robot = event.getString("robot");
        if (robot == null || !robots.contains(robot)) return;
        if (!"geofence".equals(event.getString("type")) || !"VIOLATION_STARTED".equals(event.getString("transition"))
                || !"PAUSE".equals(event.getString("action"))) return;
        if (!looking.add(robot)) return;
        Instant pausedAt = Instant.now();
        String why = "paused by geofence enforcement (" + event.getString("rule") + " in zone " + event.getString("zone")
                + ")";
        vertx.setTimer(assistAfterMillis, t -> assist(robot, pausedAt, why)
                .onFailure(e -> LOG.fine(() -> robot + ": remote assist failed: " + e.getMessage()))
                .onComplete(done -> looking.remove(robot)));
    }

    /** Still paused: resume it, then put the help on its record. Resumed meanwhile by someone else: nothing to do. */
    private Future<Void> assist(String robot, Instant pausedAt, String why) {
        return api.get("/api/v1/robots/" + robot).compose(state -> {
            if (!Boolean.TRUE.equals(state.getBoolean("paused"))) return Future.succeededFuture();
            JsonObject resume = new JsonObject().put("actions", new JsonArray().add(new JsonObject()
                    .put("actionType", "stopPause").put("actionId", "assist-resume-" + robot + "-" + System.nanoTime())
                    .put("blockingType", "HARD")));
            return api.call(HttpMethod.POST, "/api/v1/robots/" + robot + "/instant-actions", api.operatorToken(),
                            resume, 202)
                    .compose(sent -> api.call(HttpMethod.POST, "/api/v1/robots/" + robot + "/interventions",
                            api.operatorToken(), new JsonObject().put("kind", "REMOTE_ASSIST")
                                    .put("reason", why + "; resumed by the demo's remote operator")
                                    .put("resolveSeconds", Duration.between(pausedAt, Instant.now()).toMillis() / 1000.0),
                            201))
                    .map(recorded -> {
                        LOG.info("demo: remote operator resumed " + robot + ", " + why);
                        return null;
                    });
        });
    }

    Future<Void> stop() {
        stopping = true;
        if (client == null) return Future.succeededFuture();
        Future<Void> closed = feed == null ? Future.succeededFuture() : feed.close();
        return closed.transform(x -> client.close());
    }
}
