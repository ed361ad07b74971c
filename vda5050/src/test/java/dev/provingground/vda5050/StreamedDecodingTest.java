package dev.provingground.vda5050;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming fast path for state and visualization ({@link StreamingDecoder}) against the tree path it must
 * equal: for every sample and every systematic variation of one, the codec's outcome — the record, or the
 * exception's kind, path and message — is the tree path's, and whatever the fast path decodes on its own is the
 * tree path's record. Each test also counts the variations the fast path took, so a fast path that gave up on
 * everything would fail here rather than pass unnoticed.
 */
class StreamedDecodingTest {

    /** The state the load generator sends ({@code sim/.../load/VdaFrames}), the common case on a busy server. */
    static final String LOAD_GENERATOR_STATE = "{\"headerId\":123456,\"timestamp\":\"2026-12-07T00:04:00.903Z\","
            + "\"version\":\"2.1.0\",\"manufacturer\":\"acme\",\"serialNumber\":\"r-0001\",\"maps\":[],\"orderId\":\"\","
            + "\"orderUpdateId\":0,\"lastNodeId\":\"\",\"lastNodeSequenceId\":0,\"driving\":true,\"paused\":false,"
            + "\"newBaseRequest\":false,\"distanceSinceLastNode\":0.0,\"operatingMode\":\"AUTOMATIC\",\"nodeStates\":[],"
            + "\"edgeStates\":[],\"agvPosition\":{\"x\":12.125,\"y\":3.25,\"theta\":0.875,\"mapId\":\"hall\","
            + "\"positionInitialized\":true},\"velocity\":{\"vx\":1.2,\"vy\":0.0,\"omega\":0.0},\"loads\":[],"
            + "\"actionStates\":[],\"batteryState\":{\"batteryCharge\":80.0,\"charging\":false},\"errors\":[],"
            + "\"information\":[],\"safetyState\":{\"eStop\":\"NONE\",\"fieldViolation\":false}}";

    /** Values put in place of each field: wrong types, nulls, bounds and number forms. */
    private static final List<String> REPLACEMENTS = List.of("null", "\"text\"", "\"\"", "7", "0", "-1", "2.5",
            "3.0", "-0.0", "true", "false", "{}", "[]", "[{}]", "[null]", "1e400", "-1e400", "1e-400", "1e308",
            "1000000001", "9223372036854775807", "9223372036854775808", "1" + "0".repeat(30),
            "0.30000000000000004", "123456789.123456789", "1E2", "100", "101", "62.9", "\"AUTOMATIC\"", "\"NONE\"",
            "\"FINISHED\"", "\"automatic\"", "\"2026-11-22T03:47:46.123Z\"");

    private static final List<String> TIMESTAMPS = List.of("2026-11-22T03:47:46Z", "2026-11-22T03:47:46.1Z",
            "2026-11-22T03:47:46.123456789Z", "2026-11-22T03:47:46.1234567890Z", "2026-11-22T03:47:46.123+01:00",
            "2026-11-22T03:47:46.123-09:30", "2026-11-22T03:47:46.123+00:00", "2026-11-22T03:47:46.123z",
            "2026-11-22t03:47:46.123Z", "2026-11-22T03:47:46.123", "2026-11-22T03:47Z", "2026-02-29T00:00:00Z",
            "2024-02-29T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2099-12-31T23:59:59.999999999Z",
            "2100-01-01T00:00:00Z", "9000-01-01T00:00:00Z", "+2026-11-22T03:47:46Z", "2026-11-22T24:00:00Z",
            "2026-11-22T03:47:60Z", "", "now");

    private static final String UNKNOWN = "{\"deep\":[1,2.5,{\"x\":\"y\",\"n\":null}],\"big\":1" + "0".repeat(40) + "}";

    private final ObjectMapper mapper = Vda5050Json.newMapper();
    private final Vda5050Codec codec = new Vda5050Codec();
    private final MessageDecoder tree = new MessageDecoder(mapper);
    private final StreamingDecoder streaming = new StreamingDecoder(mapper);
    private int fastDecodes;
    private int compared;

    @Test
    void everySampleStateAndVisualizationDecodesOnTheFastPathToTheTreePathsRecord() {
        for (Sample sample : samples()) {
            Object fast = streaming.decode(sample.type, sample.json.getBytes(StandardCharsets.UTF_8));
            assertThat(fast).as(sample.name).isNotNull().isEqualTo(outcome(() -> tree.decodeTree(sample.type,
                    sample.json.getBytes(StandardCharsets.UTF_8))));
            assertSameOutcome(sample.name, sample.type, sample.json);
        }
    }

    @Test
    void everyFieldRemovedNulledOrOfAWrongTypeGivesTheTreePathsRecordOrError() {
        for (Sample sample : samples()) {
            JsonNode root = read(sample.json);
            for (List<Object> path : paths(root)) {
                assertSameOutcome(sample.name + " without " + path, sample.type, Edit.remove(path).apply(root));
                for (String value : REPLACEMENTS) {
                    assertSameOutcome(sample.name + " " + path + "=" + value, sample.type,
                            Edit.replace(path, value).apply(root));
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
        assertThat(fastDecodes).as("variations the fast path decoded itself").isGreaterThan(1_000);
    }

    @Test
    void timestampsInEveryFormGiveTheTreePathsInstantOrError() {
        for (Sample sample : samples()) {
            JsonNode root = read(sample.json);
            for (String time : TIMESTAMPS) {
                assertSameOutcome(sample.name + " at " + time, sample.type,
                        Edit.replace(List.of("timestamp"), new TextNode(time).toString()).apply(root));
            }
        }
        assertThat(fastDecodes).isGreaterThan(samples().size() * 5);
    }

    @Test
    void duplicateAndUnknownFieldsInEveryObjectGiveTheTreePathsRecordOrError() {
        for (Sample sample : samples()) {
            JsonNode root = read(sample.json);
            for (List<Object> path : paths(root)) {
                if (path.get(path.size() - 1) instanceof String) {
                    assertSameOutcome(sample.name + " twice " + path, sample.type,
                            Edit.duplicate(path, "null").apply(root));
                    assertSameOutcome(sample.name + " twice " + path, sample.type,
                            Edit.duplicate(path, "\"other\"").apply(root));
                }
            }
            for (List<Object> path : objectPaths(root)) {
                String withUnknownField = Edit.addField(path, "vendorExtension", UNKNOWN).apply(root);
                assertSameOutcome(sample.name + " unknown field in " + path, sample.type, withUnknownField);
                assertThat(streaming.decode(sample.type, bytes(withUnknownField)))
                        .as("unknown fields are passed over, not left to the tree path: " + path).isNotNull();
                assertSameOutcome(sample.name + " x in " + path, sample.type,
                        Edit.addField(path, "x", "1e400").apply(root));
            }
            for (String beyondJacksonsLimits : List.of("1".repeat(1_500), "0." + "1".repeat(1_500),
                    "[".repeat(1_100) + "]".repeat(1_100))) {
                assertSameOutcome(sample.name + " with an unknown value beyond Jackson's limits", sample.type,
                        Edit.addField(List.of(), "vendorExtension", beyondJacksonsLimits).apply(root));
            }
        }
    }

    @Test
    void malformedOrOddlyWrittenPayloadsGiveTheTreePathsRecordOrError() {
        for (Sample sample : samples()) {
            String json = sample.json;
            for (int cut : new int[]{1, 2, json.length() / 3, json.length() / 2, json.length() - 1}) {
                assertSameOutcome(sample.name + " cut at " + cut, sample.type, json.substring(0, cut));
            }
            for (String odd : new String[]{json + " {}", json + "}", json + " ", "\n" + json + "\n", "\uFEFF" + json,
                    "[" + json + "]", json.replace("{", "{ /* c */ "), json.replace("\"version\"", "\"\\u0076ersion\""),
                    json.replace(":", " : "), json.replace("\"2.1.0\"", "\"2.0.0\""),
                    json.replace("\"2.0.0\"", "\"2.1.0\""), json.replace("\"acme", "\"\\u00e4cme\\n"),
                    json.replace("\"acme", "\"\u00f1acme\u20ac")}) {
                assertSameOutcome(sample.name + " as " + odd, sample.type, odd);
            }
        }
        for (String odd : new String[]{"null", "[]", "\"state\"", "7", "{}", " ", "{\"a\":}", "{\"a\":1,}"}) {
            assertSameOutcome(odd, State.class, odd);
            assertSameOutcome(odd, Visualization.class, odd);
        }
        assertThat(fastDecodes).isGreaterThan(samples().size() * 5);
    }

    @Test
    void aLegacyStateNeedsEveryControlPointWeightOnBothPathsAndA21StateDoesNot() {
        JsonNode legacy = read(new String(Samples.bytes("2.0.0/state.json"), StandardCharsets.UTF_8));
        List<Object> weight = List.of("edgeStates", 0, "trajectory", "controlPoints", 0, "weight");
        String withoutWeight = Edit.remove(weight).apply(legacy);
        String nullWeight = Edit.replace(weight, "null").apply(legacy);
        for (String json : List.of(withoutWeight, nullWeight)) {
            assertSameOutcome("2.0.0", State.class, json);
            assertThat(streaming.decode(State.class, bytes(json))).isNull();
            String modern = json.replace("\"2.0.0\"", "\"2.1.0\"");
            assertSameOutcome("2.1.0", State.class, modern);
            assertThat(streaming.decode(State.class, bytes(modern))).isNotNull();
        }
    }

    @Test
    void theFastPathTakesOnlyStateAndVisualization() {
        assertThat(streaming.decode(Connection.class, Samples.bytes("2.1.0/connection.json"))).isNull();
        assertThat(streaming.decode(Order.class, Samples.bytes("2.1.0/order.json"))).isNull();
        assertThat(codec.decode(Connection.class, Samples.bytes("2.1.0/connection.json"))).isNotNull();
    }

    @Test
    void payloadsInUtf16AndUtf32GiveTheTreePathsRecord() {
        for (Sample sample : samples()) {
            for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                    java.nio.charset.Charset.forName("UTF-32BE"))) {
                assertSameOutcome(sample.name + " in " + charset, sample.type, sample.json.getBytes(charset));
            }
        }
        assertThat(fastDecodes).isEqualTo(samples().size() * 3);
    }

    private void assertSameOutcome(String what, Class<? extends VdaMessage> type, String json) {
        assertSameOutcome(what, type, bytes(json));
    }

    /** The codec answers as the tree path does; a record the fast path decodes alone is the tree path's. */
    private void assertSameOutcome(String what, Class<? extends VdaMessage> type, byte[] payload) {
        Object expected = outcome(() -> tree.decodeTree(type, payload));
        assertThat(outcome(() -> codec.decode(type, payload))).as(what).isEqualTo(expected);
        Object fast = streaming.decode(type, payload);
        if (fast != null) {
            assertThat(fast).as(what).isEqualTo(expected);
            fastDecodes++;
        }
        compared++;
    }

    /** The record, or the exception's class, kind, path and message. */
    private static Object outcome(java.util.function.Supplier<?> decode) {
        try {
            return decode.get();
        } catch (Vda5050DecodeException e) {
            return List.of(e.getClass(), e.kind(), e.path(), e.getMessage());
        } catch (RuntimeException e) {
            return List.of(e.getClass(), Objects.toString(e.getMessage()));
        }
    }

    private record Sample(String name, Class<? extends VdaMessage> type, String json) {
    }

    private List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (String file : List.of("2.1.0/state.json", "2.0.0/state.json", "2.0.0/vda-5050-lib-1.4.0/state.json")) {
            samples.add(new Sample(file, State.class, new String(Samples.bytes(file), StandardCharsets.UTF_8)));
        }
        for (String file : List.of("2.1.0/visualization.json", "2.0.0/visualization.json",
                "2.0.0/vda-5050-lib-1.4.0/visualization.json")) {
            samples.add(new Sample(file, Visualization.class, new String(Samples.bytes(file), StandardCharsets.UTF_8)));
        }
        samples.add(new Sample("SampleMessages.state", State.class, encoded(SampleMessages.state())));
        samples.add(new Sample("SampleMessages.visualization", Visualization.class,
                encoded(SampleMessages.visualization())));
        samples.add(new Sample("load generator state", State.class, LOAD_GENERATOR_STATE));
        samples.add(new Sample("state with every field set", State.class, encoded(everyFieldSet())));
        samples.add(new Sample("visualization with every field set", Visualization.class,
                encoded(Visualization.create(everyFieldSet().agvPosition(), everyFieldSet().velocity())
                        .withHeader(SampleMessages.header(17)))));
        return samples;
    }

    /** Every optional field of every part present (and enum values other than the samples'), so each is compared. */
    private static State everyFieldSet() {
        NodePosition position = new NodePosition(7.5, -1.25, 3.14, 0.3, 0.2, "restaurant", "Ground floor");
        Trajectory trajectory = new Trajectory(2, List.of(0.0, 0.0, 0.5, 1.0, 1.0),
                List.of(new ControlPoint(1.0, 2.0, 0.5), new ControlPoint(3.0, -4.0, 1.0)));
        return new State(9, SampleMessages.TIME, "2.1.0", "serveco", "waiter-7",
                List.of(new MapInfo("restaurant", "1.0", "Ground floor", MapStatus.DISABLED)), "table-run-3", 3,
                "zones-v1", "kitchen", 2, false, true, true, 0.5, OperatingMode.SEMIAUTOMATIC,
                List.of(new NodeState("table-12", 4, "Table twelve", true, position)),
                List.of(new EdgeState("kitchen-table-12", 3, "Along the bar", false, trajectory)),
                new AgvPosition(1.0, 2.0, -3.0, "restaurant", "Ground floor", false, 0.5, 0.1),
                Velocity.of(-1.0, 0.5, 0.1),
                List.of(new Load("tray-1", "tray", "front", new BoundingBoxReference(0.1, 0.2, 0.3, 0.4),
                        new LoadDimensions(1.0, 2.0, 3.0), 4.0)),
                List.of(new ActionState("serve-1", "serve", "Serving table twelve", ActionStatus.RUNNING, "half")),
                new BatteryState(50.0, 24.0, 90.0, true, 100.0),
                List.of(new VdaError("lidarDirty", List.of(new ErrorReference("sensor", "front")), "Lidar dirty",
                        "Clean it", ErrorLevel.FATAL)),
                List.of(new Info("queue", List.of(new InfoReference("table", "12")), "Waiting", InfoLevel.DEBUG)),
                new SafetyState(EStop.REMOTE, true));
    }

    private String encoded(VdaMessage message) {
        return new String(codec.encode(message), StandardCharsets.UTF_8);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The path (member names and array indexes) of every value below the root. */
    private static List<List<Object>> paths(JsonNode root) {
        List<List<Object>> paths = new ArrayList<>();
        collect(root, List.of(), paths, false);
        return paths;
    }

    /** The path of every object, the root included. */
    private static List<List<Object>> objectPaths(JsonNode root) {
        List<List<Object>> paths = new ArrayList<>();
        collect(root, List.of(), paths, true);
        return paths;
    }

    private static void collect(JsonNode node, List<Object> at, List<List<Object>> into, boolean objectsOnly) {
        if (objectsOnly && node.isObject() || !objectsOnly && !at.isEmpty()) {
            into.add(at);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), append(at, field.getKey()), into, objectsOnly);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), append(at, i), into, objectsOnly);
            }
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    /**
     * One change to a message, written out as JSON text so it can hold what a tree cannot: duplicate keys and
     * numbers such as {@code 1e400} as written.
     */
    private record Edit(List<Object> path, Kind kind, String name, String raw) {

        enum Kind { REMOVE, REPLACE, DUPLICATE, ADD_FIELD }

        static Edit remove(List<Object> path) {
            return new Edit(path, Kind.REMOVE, null, null);
        }

        static Edit replace(List<Object> path, String raw) {
            return new Edit(path, Kind.REPLACE, null, raw);
        }

        /** The field written twice: first with {@code raw}, then as it was. */
        static Edit duplicate(List<Object> path, String raw) {
            return new Edit(path, Kind.DUPLICATE, null, raw);
        }

        static Edit addField(List<Object> objectPath, String name, String raw) {
            return new Edit(objectPath, Kind.ADD_FIELD, name, raw);
        }

        String apply(JsonNode root) {
            StringBuilder out = new StringBuilder();
            write(root, List.of(), out);
            return out.toString();
        }

        private void write(JsonNode node, List<Object> at, StringBuilder out) {
            if (kind == Kind.REPLACE && at.equals(path)) {
                out.append(raw);
            } else if (node.isObject()) {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
                out.append('{');
                String separator = "";
                for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
                    List<Object> fieldPath = append(at, field.getKey());
                    if (kind == Kind.REMOVE && fieldPath.equals(path)) {
                        continue;
                    }
                    String key = new TextNode(field.getKey()).toString();
                    if (kind == Kind.DUPLICATE && fieldPath.equals(path)) {
                        out.append(separator).append(key).append(':').append(raw);
                        separator = ",";
                    }
                    out.append(separator).append(key).append(':');
                    write(field.getValue(), fieldPath, out);
                    separator = ",";
                }
                if (kind == Kind.ADD_FIELD && at.equals(path)) {
                    out.append(separator).append(new TextNode(name)).append(':').append(raw);
                }
                out.append('}');
            } else if (node.isArray()) {
                out.append('[');
                String separator = "";
                for (int i = 0; i < node.size(); i++) {
                    List<Object> elementPath = append(at, i);
                    if (kind == Kind.REMOVE && elementPath.equals(path)) {
                        continue;
                    }
                    out.append(separator);
                    write(node.get(i), elementPath, out);
                    separator = ",";
                }
                out.append(']');
            } else {
                out.append(node.toString());
            }
        }
    }
}
