package dev.provingground.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.RobotStatus;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code {"robots": [...]}} with each robot as {@link RobotJson#of} would, streamed without building a tree
 * (with thousands of robots the tree cost most of the answer's time). Each robot's registration — half of its entry,
 * changed only when its record is — is kept as written and reused while the record stays the same. Touches only the
 * immutable records handed in, so it may run on any thread; one writer serves concurrent requests.
 */
final class RobotListWriter {

    private static final JsonFactory JSON = new JsonFactory();

    /** By robot id: the record a registration was written from, and what was written (without the braces). */
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

    private record Registration(Robot robot, String json) {
    }

    Buffer write(List<RobotJson.Listed> robots) {
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
        InstantText times = new InstantText();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("robots");
            for (RobotJson.Listed l : robots) write(g, l.robot(), l.status(), times);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        forgetRobotsNotListed(robots);
        return answer;
    }

    /** Keeps the kept registrations to robots still listed, once the list has shrunk well below them. */
    private void forgetRobotsNotListed(List<RobotJson.Listed> robots) {
        if (registrations.size() <= 2 * robots.size() + 64) return;
        var listed = robots.stream().map(l -> l.robot().id()).collect(java.util.stream.Collectors.toSet());
        registrations.keySet().retainAll(listed);
    }

    private void write(JsonGenerator g, Robot r, RobotStatus s, InstantText times) throws IOException {
        g.writeStartObject();
        // Raw, the generator does not know a field was written: the status's first field needs the comma from here.
        g.writeRaw(registration(r));
        if (s != null) {
            g.writeRaw(',');
            RobotPosition p = s.position();
            g.writeStringField("connection", s.connection().name());
            g.writeStringField("connectionChangedAt", times.of(s.connectionChangedAt()));
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
            g.writeStringField("lastStateAt", times.of(s.lastStateAt()));
            g.writeStringField("protocolVersion", s.protocolVersion());
            g.writeStringField("updatedAt", times.of(s.updatedAt()));
        }
        g.writeEndObject();
    }

    private String registration(Robot r) {
        Registration kept = registrations.get(r.id());
        if (kept != null && (kept.robot() == r || kept.robot().equals(r))) return kept.json();
        String json = registrationJson(r);
        registrations.put(r.id(), new Registration(r, json));
        return json;
    }

    private static String registrationJson(Robot r) {
        StringWriter text = new StringWriter(384);
        try (JsonGenerator g = JSON.createGenerator(text)) {
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
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String object = text.toString();
        return object.substring(1, object.length() - 1);
    }

    private static void number(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) g.writeNullField(name);
        else g.writeNumberField(name, value);
    }

    private static void bool(JsonGenerator g, String name, Boolean value) throws IOException {
        if (value == null) g.writeNullField(name);
        else g.writeBooleanField(name, value);
    }
}
