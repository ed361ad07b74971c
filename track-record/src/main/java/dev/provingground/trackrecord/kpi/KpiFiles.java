package dev.provingground.trackrecord.kpi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.trackrecord.event.EventCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code kpis.json} and {@code kpis.csv}: the same KPIs for programs and for spreadsheets.
 *
 * <pre>
 * kpis.json: {"format":"proving-ground-kpis","version":1,
 *             "scope":{"from":…|null,"to":…|null,"robots":[…]},"eventsInScope":n,
 *             "metrics":[{"name":…,"unit":…,"value":number|null},…]}
 * kpis.csv:  metric,unit,value — one row per metric, value empty when undefined
 * </pre>
 */
public final class KpiFiles {

    public static final String FORMAT = "proving-ground-kpis";
    /** Version 2 added the coverage and measured figures ({@link RecordQuality}); version 1 files still verify. */
    public static final int VERSION = 2;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private KpiFiles() {
    }

    public static byte[] json(KpiReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", report.version());
        ObjectNode scope = root.putObject("scope");
        putTime(scope, "from", report.scope().from());
        putTime(scope, "to", report.scope().to());
        ArrayNode robots = scope.putArray("robots");
        report.scope().sortedRobots().forEach(robots::add);
        root.put("eventsInScope", report.eventsInScope());
        ArrayNode metrics = root.putArray("metrics");
        for (Metric metric : report.metrics()) {
            ObjectNode row = metrics.addObject();
            row.put("name", metric.name());
            row.put("unit", metric.unit());
            if (metric.value() == null) {
                row.putNull("value");
            } else {
                row.put("value", metric.value());
            }
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write KPIs as JSON", e);
        }
    }

    public static byte[] csv(KpiReport report) {
        StringBuilder out = new StringBuilder("metric,unit,value\n");
        for (Metric metric : report.metrics()) {
            out.append(metric.name()).append(',').append(metric.unit()).append(',').append(metric.valueText()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a {@code kpis.json}.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static KpiReport parseJson(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object");
        }
        int version = root.path("version").asInt(-1);
        if (!FORMAT.equals(root.path("format").asText(null)) || version < 1 || version > VERSION) {
            throw new IllegalArgumentException("format must be " + FORMAT + " version 1 to " + VERSION);
        }
        JsonNode scopeNode = root.path("scope");
        Instant from = time(scopeNode, "from");
        Instant to = time(scopeNode, "to");
        Set<String> robots = new HashSet<>();
        JsonNode robotsNode = scopeNode.path("robots");
        if (!robotsNode.isArray()) {
            throw new IllegalArgumentException("scope.robots must be an array");
        }
        robotsNode.forEach(robot -> robots.add(robot.asText()));
        JsonNode eventsNode = root.path("eventsInScope");
        if (!eventsNode.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("eventsInScope must be an integer");
        }
        JsonNode metricsNode = root.path("metrics");
        if (!metricsNode.isArray()) {
            throw new IllegalArgumentException("metrics must be an array");
        }
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < metricsNode.size(); i++) {
            JsonNode row = metricsNode.get(i);
            JsonNode value = row.path("value");
            BigDecimal number;
            if (value.isNull()) {
                number = null;
            } else if (value.isNumber()) {
                number = value.decimalValue();
            } else {
                throw new IllegalArgumentException("metrics[" + i + "].value must be a number or null");
            }
            try {
                metrics.add(new Metric(row.path("name").asText(""), row.path("unit").asText(""), number));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("metrics[" + i + "]: " + e.getMessage());
            }
        }
        return new KpiReport(new KpiScope(from, to, robots), eventsNode.asLong(), metrics, version);
    }

    private static void putTime(ObjectNode node, String field, Instant time) {
        if (time == null) {
            node.putNull(field);
        } else {
            node.put(field, EventCodec.formatTime(time));
        }
    }

    private static Instant time(JsonNode scope, String field) {
        JsonNode value = scope.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        try {
            return EventCodec.parseTime(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scope." + field + ": " + e.getMessage());
        }
    }
}
