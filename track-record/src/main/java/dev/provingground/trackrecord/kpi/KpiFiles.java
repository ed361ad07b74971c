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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * kpis.json: {"format":"proving-ground-kpis","version":3,
 *             "scope":{"from":…|null,"to":…|null,"robots":[…]},"eventsInScope":n,
 *             "formulas":{"file":"KPIS.md","sha256":…},
 *             "metrics":[{"name":…,"unit":…,"value":number|null,
 *                         "numerator"?,"denominator"?,"sampleSize"?,"ci95Low"?,"ci95High"?,"note"?},…]}
 * kpis.csv:  metric,unit,value,numerator,denominator,sample_size,ci95_low,ci95_high,note — one row per metric
 * </pre>
 * Version 2 has the same files; it lacks the elevator refusal metrics. Version 1 (bundles exported before) has no formulas, no basis fields and the CSV header {@code metric,unit,value};
 * it is still read and written, so such bundles verify.
 */
public final class KpiFiles {

    public static final String FORMAT = "proving-ground-kpis";
    public static final int VERSION = 3;
    /** The formulas of the current version: docs/KPIS.md, copied into the jar at build. */
    public static final String FORMULAS_FILE = "KPIS.md";
    private static final String CSV_V1 = "metric,unit,value\n";
    private static final String CSV_V2 = "metric,unit,value,numerator,denominator,sample_size,ci95_low,ci95_high,note\n";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private KpiFiles() {
    }

    /** The text of docs/KPIS.md this build computes by, as bundles carry it. */
    public static byte[] formulas() {
        try (InputStream in = KpiFiles.class.getResourceAsStream(FORMULAS_FILE)) {
            if (in == null) throw new IllegalStateException(FORMULAS_FILE + " is missing from the build");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FORMULAS_FILE, e);
        }
    }

    /** SHA-256 of the formulas, hex, as kpis.json names them. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        if (report.version() >= 2) {
            root.putObject("formulas").put("file", FORMULAS_FILE).put("sha256", sha256(formulas()));
        }
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
            Metric.Basis basis = metric.basis();
            if (basis != null) {
                putDecimal(row, "numerator", basis.numerator());
                putDecimal(row, "denominator", basis.denominator());
                if (basis.sampleSize() != null) row.put("sampleSize", basis.sampleSize());
                putDecimal(row, "ci95Low", basis.ciLow());
                putDecimal(row, "ci95High", basis.ciHigh());
                if (basis.note() != null) row.put("note", basis.note());
            }
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write KPIs as JSON", e);
        }
    }

    public static byte[] csv(KpiReport report) {
        boolean v1 = report.version() == 1;
        StringBuilder out = new StringBuilder(v1 ? CSV_V1 : CSV_V2);
        for (Metric metric : report.metrics()) {
            out.append(metric.name()).append(',').append(metric.unit()).append(',').append(metric.valueText());
            if (!v1) {
                Metric.Basis b = metric.basis();
                out.append(',').append(b == null ? "" : plain(b.numerator()))
                        .append(',').append(b == null ? "" : plain(b.denominator()))
                        .append(',').append(b == null || b.sampleSize() == null ? "" : b.sampleSize())
                        .append(',').append(b == null ? "" : plain(b.ciLow()))
                        .append(',').append(b == null ? "" : plain(b.ciHigh()))
                        .append(',').append(b == null || b.note() == null ? "" : quoted(b.note()));
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** RFC 4180: a field with a comma or quote is quoted, its quotes doubled. */
    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static void putDecimal(ObjectNode row, String field, BigDecimal value) {
        if (value != null) row.put(field, value);
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
        if (!FORMAT.equals(root.path("format").asText(null)) || version < KpiVersions.OLDEST || version > VERSION) {
            throw new IllegalArgumentException("format must be " + FORMAT + " version " + KpiVersions.OLDEST + " to "
                    + VERSION);
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
                metrics.add(new Metric(row.path("name").asText(""), row.path("unit").asText(""), number,
                        row.has("numerator") || row.has("note") ? basis(row, i) : null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("metrics[" + i + "]: " + e.getMessage());
            }
        }
        return new KpiReport(version, new KpiScope(from, to, robots), eventsNode.asLong(), metrics);
    }

    /** The formulas file and its SHA-256 a version 2 kpis.json names; {@code null} for version 1. */
    public static String formulasSha256(byte[] kpisJson) {
        try {
            JsonNode formulas = JSON.readTree(kpisJson).path("formulas");
            return formulas.hasNonNull("sha256") ? formulas.get("sha256").asText() : null;
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Metric.Basis basis(JsonNode row, int i) {
        JsonNode sample = row.path("sampleSize");
        if (!sample.isMissingNode() && !sample.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("metrics[" + i + "].sampleSize must be an integer");
        }
        return new Metric.Basis(decimal(row, "numerator", i), decimal(row, "denominator", i),
                sample.isMissingNode() ? null : sample.asLong(), decimal(row, "ci95Low", i), decimal(row, "ci95High", i),
                row.hasNonNull("note") ? row.get("note").asText() : null);
    }

    private static BigDecimal decimal(JsonNode row, String field, int i) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull()) return null;
        if (!value.isNumber()) throw new IllegalArgumentException("metrics[" + i + "]." + field + " must be a number");
        return value.decimalValue();
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
