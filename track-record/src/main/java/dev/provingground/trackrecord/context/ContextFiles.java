package dev.provingground.trackrecord.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.trackrecord.event.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code context.json}: a bundle's {@link BundleContext} for programs and people.
 *
 * <pre>
 * {"format":"proving-ground-context","version":1,"site":…,"firm":…|null,"timeZone":…|null,"levels":[…],
 *  "robots":[{"id","firm","manufacturer","serialNumber","profile","modelName","kind","environment",
 *             "massWithPayloadKg","speedClass","speedClassLimitKmh","speedCapMps","uvc",
 *             "registered":{"time","leaf"}|null,"credentialRotations":[{"time","leaf"},…]},…],
 *  "rules":[{"time","leaf","target","targetId","action","actor","details"},…]}
 * </pre>
 * A robot the log holds no registration for has {@code "registered": null} and no identity fields.
 */
public final class ContextFiles {

    public static final String FORMAT = "proving-ground-context";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ContextFiles() {
    }

    public static byte[] json(BundleContext context) {
        try {
            return (JSON.writeValueAsString(tree(context)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write context.json", e);
        }
    }

    /** The JSON tree {@link #json} writes; the verifier compares trees to name the first field that differs. */
    public static ObjectNode tree(BundleContext context) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("site", context.site());
        root.put("firm", context.firm());
        root.put("timeZone", context.timeZone());
        ArrayNode levels = root.putArray("levels");
        context.levels().forEach(levels::add);
        ArrayNode robots = root.putArray("robots");
        for (RobotIdentity robot : context.robots()) {
            ObjectNode node = robots.addObject();
            node.put("id", robot.id());
            node.put("firm", robot.firm());
            RobotRegistration r = robot.registration();
            if (r != null) {
                node.put("manufacturer", r.manufacturer());
                node.put("serialNumber", r.serialNumber());
                node.put("profile", r.profile());
                node.put("modelName", r.modelName());
                node.put("kind", r.kind());
                node.put("environment", r.environment());
                node.put("massWithPayloadKg", r.massWithPayloadKg());
                node.put("speedClass", r.speedClass());
                if (r.speedClassLimitKmh() == null) node.putNull("speedClassLimitKmh");
                else node.put("speedClassLimitKmh", r.speedClassLimitKmh());
                node.put("speedCapMps", r.speedCapMps());
                node.put("uvc", r.uvc());
            }
            if (robot.registered() == null) node.putNull("registered");
            else stamp(node.putObject("registered"), robot.registered());
            ArrayNode rotations = node.putArray("credentialRotations");
            robot.credentialRotations().forEach(s -> stamp(rotations.addObject(), s));
        }
        ArrayNode rules = root.putArray("rules");
        for (RuleChange change : context.rules()) {
            ObjectNode node = rules.addObject();
            stamp(node, change.at());
            node.put("target", change.target());
            node.put("targetId", change.targetId());
            node.put("action", change.action());
            node.put("actor", change.actor());
            node.set("details", change.details());
        }
        return root;
    }

    private static void stamp(ObjectNode node, LogStamp stamp) {
        node.put("time", EventCodec.formatTime(stamp.time()));
        node.put("leaf", stamp.leaf());
    }

    /** Reads a context.json as a tree, refusing another format. */
    public static JsonNode readTree(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("must be a JSON object");
        if (!FORMAT.equals(root.path("format").asText(null)) || root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("format must be " + FORMAT + " version " + VERSION);
        }
        return root;
    }

    /**
     * Reads a context.json.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static BundleContext parse(byte[] bytes) {
        JsonNode root = readTree(bytes);
        List<String> levels = new ArrayList<>();
        root.path("levels").forEach(l -> levels.add(l.asText()));
        List<RobotIdentity> robots = new ArrayList<>();
        for (JsonNode node : root.path("robots")) {
            RobotRegistration registration = node.hasNonNull("manufacturer") ? RobotRegistration.fromDetails(node) : null;
            List<LogStamp> rotations = new ArrayList<>();
            node.path("credentialRotations").forEach(s -> rotations.add(stamp(s)));
            robots.add(new RobotIdentity(node.path("id").asText(), textOrNull(node, "firm"), registration,
                    node.hasNonNull("registered") ? stamp(node.get("registered")) : null, rotations));
        }
        List<RuleChange> rules = new ArrayList<>();
        for (JsonNode node : root.path("rules")) {
            JsonNode details = node.get("details");
            rules.add(new RuleChange(stamp(node), node.path("target").asText(), node.path("targetId").asText(),
                    node.path("action").asText(), node.path("actor").asText(),
                    details == null || details.isNull() ? null : details));
        }
        return new BundleContext(root.path("site").asText(), textOrNull(root, "firm"), textOrNull(root, "timeZone"),
                levels, robots, rules);
    }

    private static LogStamp stamp(JsonNode node) {
        return new LogStamp(EventCodec.parseTime(node.path("time").asText()), node.path("leaf").asLong());
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
