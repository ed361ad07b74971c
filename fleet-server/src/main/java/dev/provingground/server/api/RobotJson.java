package dev.provingground.server.api;

import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** The API's view of a robot: its registration and the latest of what it reported. */
final class RobotJson {

    private RobotJson() {
    }

    static JsonObject of(Robot r, RobotStatus s) {
        JsonObject json = new JsonObject()
                .put("id", r.id())
                .put("manufacturer", r.manufacturer())
                .put("serialNumber", r.serialNumber())
                .put("firm", r.firm())
                .put("kind", r.kind())
                .put("profile", r.profile())
                .put("site", r.site())
                .put("dispatch", r.dispatch().name())
                .put("registeredAt", r.registeredAt().toString())
                .put("mqtt", new JsonObject().put("username", r.id())
                        .put("topicPrefix", "uagv/v2/" + r.manufacturer() + "/" + r.serialNumber() + "/"));
        if (s == null) return json;
        RobotPosition p = s.position();
        json.put("connection", s.connection().name())
                .put("connectionChangedAt", text(s.connectionChangedAt()))
                .put("position", p == null ? null : new JsonObject().put("mapId", p.mapId()).put("x", p.x())
                        .put("y", p.y()).put("theta", p.theta()).put("initialized", p.initialized()))
                .put("battery", s.battery())
                .put("charging", s.charging())
                .put("speed", s.speed())
                .put("driving", s.driving())
                .put("paused", s.paused())
                .put("operatingMode", s.operatingMode())
                .put("orderId", s.orderId())
                .put("lastNodeId", s.lastNodeId())
                .put("errors", new JsonArray(s.errors()))
                .put("lastStateAt", text(s.lastStateAt()))
                .put("protocolVersion", s.protocolVersion())
                .put("updatedAt", text(s.updatedAt()));
        return json;
    }

    /** A robot and its status as they were when the list was asked for. */
    record Listed(Robot robot, RobotStatus status) {
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
