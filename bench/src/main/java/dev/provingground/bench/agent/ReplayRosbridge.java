package dev.provingground.bench.agent;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rosbridge v2 server that replays a robot's topics as fast as its clients take them: bursts of the mix a Nav2
 * robot publishes (per 61 messages, 50 {@code /odom}, 10 {@code /amcl_pose}, 1 {@code /battery_state}), each message
 * prebuilt so the server costs little, and after each burst a {@code /diagnostics} array whose ERROR status is named
 * by the burst's marker, so a client shows when it has taken the whole burst. Every client gets every burst.
 */
final class ReplayRosbridge {

    static final List<String> TOPICS = List.of("/odom", "/amcl_pose", "/battery_state", "/diagnostics");

    private final HttpServer server;
    private final Map<ServerWebSocket, Set<String>> clients = new ConcurrentHashMap<>();
    private final String[] mix = new String[61];

    ReplayRosbridge(Vertx vertx) {
        for (int i = 0; i < 61; i++) mix[i] = message(i).encode();
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        server.webSocketHandler(ws -> {
            Set<String> topics = ConcurrentHashMap.newKeySet();
            clients.put(ws, topics);
            ws.textMessageHandler(text -> {
                JsonObject msg = new JsonObject(text);
                if ("subscribe".equals(msg.getString("op"))) topics.add(msg.getString("topic"));
            });
            ws.closeHandler(v -> clients.remove(ws));
        });
    }

    Future<Integer> listen() {
        return server.listen().map(HttpServer::actualPort);
    }

    /** Clients subscribed to every replayed topic. */
    int readyClients() {
        return (int) clients.values().stream().filter(t -> t.containsAll(TOPICS)).count();
    }

    /** Sends {@code count} messages of the mix and then the marker to every client; completes once all are written. */
    Future<Void> burst(int count, String marker) {
        String end = new JsonObject().put("op", "publish").put("topic", "/diagnostics").put("msg", new JsonObject()
                .put("header", header()).put("status", new JsonArray().add(new JsonObject().put("level", 2)
                        .put("name", marker).put("message", "end of burst").put("hardware_id", "bench")
                        .put("values", new JsonArray())))).encode();
        List<Future<Void>> sent = clients.keySet().stream().map(ws -> send(ws, count, end)).toList();
        return Future.all(sent).mapEmpty();
    }

    private Future<Void> send(ServerWebSocket ws, int count, String end) {
        Promise<Void> done = Promise.promise();
        new Object() {
            int next;

            void pump() {
                while (next < count && !ws.writeQueueFull()) ws.writeTextMessage(mix[next++ % mix.length]);
                if (next < count) {
                    ws.drainHandler(v -> pump());
                    return;
                }
                ws.drainHandler(null);
                ws.writeTextMessage(end).onComplete(ar -> done.tryComplete());
            }
        }.pump();
        return done.future();
    }

    Future<Void> close() {
        return server.close();
    }

    private static JsonObject message(int i) {
        double t = i * 0.02;
        if (i < 50) {
            return publish("/odom", new JsonObject().put("header", header()).put("child_frame_id", "base_link")
                    .put("pose", new JsonObject().put("pose", pose(t)).put("covariance", covariance()))
                    .put("twist", new JsonObject().put("twist", new JsonObject()
                            .put("linear", new JsonObject().put("x", 0.8).put("y", 0.0).put("z", 0.0))
                            .put("angular", new JsonObject().put("x", 0.0).put("y", 0.0).put("z", 0.05)))
                            .put("covariance", covariance())));
        }
        if (i < 60) {
            return publish("/amcl_pose", new JsonObject().put("header", header())
                    .put("pose", new JsonObject().put("pose", pose(t)).put("covariance", covariance())));
        }
        return publish("/battery_state", new JsonObject().put("header", header()).put("voltage", 25.2)
                .put("temperature", 31.0).put("current", -3.1).put("charge", 14.2).put("capacity", 20.0)
                .put("design_capacity", 20.0).put("percentage", 0.71).put("power_supply_status", 2)
                .put("power_supply_health", 1).put("power_supply_technology", 2).put("present", true)
                .put("cell_voltage", new JsonArray()).put("cell_temperature", new JsonArray())
                .put("location", "base").put("serial_number", "B-17"));
    }

    private static JsonObject publish(String topic, JsonObject msg) {
        return new JsonObject().put("op", "publish").put("topic", topic).put("msg", msg);
    }

    private static JsonObject header() {
        return new JsonObject().put("stamp", new JsonObject().put("sec", 1_780_000_000).put("nanosec", 123_456_789))
                .put("frame_id", "map");
    }

    private static JsonObject pose(double t) {
        return new JsonObject()
                .put("position", new JsonObject().put("x", 3.0 + 0.8 * t).put("y", 1.5).put("z", 0.0))
                .put("orientation", new JsonObject().put("x", 0.0).put("y", 0.0).put("z", Math.sin(0.05 * t / 2))
                        .put("w", Math.cos(0.05 * t / 2)));
    }

    private static JsonArray covariance() {
        JsonArray c = new JsonArray();
        for (int i = 0; i < 36; i++) c.add(i % 7 == 0 ? 0.0025 : 0.0);
        return c;
    }
}
