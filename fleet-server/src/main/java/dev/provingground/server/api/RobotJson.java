package dev.provingground.server.api;

import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotStatus;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

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

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * {@code {"robots": [...]}} with each robot as {@link #of} writes it, streamed without building a tree: with
     * thousands of robots the tree cost most of the answer's time. Touches only the immutable records handed in, so
     * it may run on a worker.
     */
    static Buffer list(List<Listed> robots) {
        // Written straight into the answer's buffer, sized once: thousands of robots are megabytes, and every copy of
        // them is a large object for the collector.
        Buffer answer = Buffer.buffer(512 + robots.size() * 768);
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                answer.appendByte((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                answer.appendBytes(bytes, offset, length);
            }
        };
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("robots");
            for (Listed l : robots) write(g, l.robot(), l.status());
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer;
    }

    private static void write(JsonGenerator g, Robot r, RobotStatus s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("manufacturer", r.manufacturer());
        g.writeStringField("serialNumber", r.serialNumber());
        g.writeStringField("firm", r.firm());
        g.writeStringField("kind", r.kind());
        g.writeStringField("profile", r.profile());
        g.writeStringField("site", r.site());
        g.writeStringField("dispatch", r.dispatch().name());
        g.writeStringField("registeredAt", r.registeredAt().toString());
        g.writeObjectFieldStart("mqtt");
        g.writeStringField("username", r.id());
        g.writeStringField("topicPrefix", "uagv/v2/" + r.manufacturer() + "/" + r.serialNumber() + "/");
        g.writeEndObject();
        if (s != null) {
            RobotPosition p = s.position();
            g.writeStringField("connection", s.connection().name());
            g.writeStringField("connectionChangedAt", text(s.connectionChangedAt()));
            if (p == null) g.writeNullField("position");
            else {
                g.writeObjectFieldStart("position");
                g.writeStringField("mapId", p.mapId());
                g.writeNumberField("x", p.x());
                g.writeNumberField("y", p.y());
                g.writeNumberField("theta", p.theta());
                g.writeBooleanField("initialized", p.initialized());
                g.writeEndObject();
            }
            number(g, "battery", s.battery());
            bool(g, "charging", s.charging());
            number(g, "speed", s.speed());
            bool(g, "driving", s.driving());
            bool(g, "paused", s.paused());
            g.writeStringField("operatingMode", s.operatingMode());
            g.writeStringField("orderId", s.orderId());
            g.writeStringField("lastNodeId", s.lastNodeId());
            g.writeArrayFieldStart("errors");
            for (String e : s.errors()) g.writeString(e);
            g.writeEndArray();
            g.writeStringField("lastStateAt", text(s.lastStateAt()));
            g.writeStringField("protocolVersion", s.protocolVersion());
            g.writeStringField("updatedAt", text(s.updatedAt()));
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) g.writeNullField(name);
        else g.writeNumberField(name, value);
    }

    private static void bool(JsonGenerator g, String name, Boolean value) throws IOException {
        if (value == null) g.writeNullField(name);
        else g.writeBooleanField(name, value);
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
