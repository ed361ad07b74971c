package dev.provingground.vda5050;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shapes of encoded messages already found valid. Messages the server sends again and again (the same
 * {@code startPause}, the same order update to another robot) differ only in their header's {@code headerId} and
 * {@code timestamp} and in their {@code actionId}s; the VDA 5050 schemas ask of those only that they be an integer
 * (at least 0 in the factsheet), a date-time and a string, which the encoder's output always is. A robot's states
 * differ in where it is, how fast it goes, its charge and the node it passed: values of properties the schema
 * constrains by their JSON type alone ({@link TypeOnlyProperties}). So a message whose other bytes equal those of one
 * that validated is valid too, and the schema validator, a few tenths of a millisecond per message, runs once per
 * shape instead of once per message.
 */
final class ValidatedShapes {

    /** Shapes kept; when full, forgotten all at once (a server sends few shapes, so that is rare). */
    static final int CAPACITY = 4096;

    private static final String VARYING = "(?<h>\"headerId\":\\d+)|(?<t>\"timestamp\":\"[0-9T:.Z+-]*\")"
            + "|(?<a>\"actionId\":\"(?:[^\"\\\\]|\\\\.)*\")";
    private static final Varying ALWAYS_VARYING = new Varying(Pattern.compile(VARYING), Map.of());
    /** Literals as the encoder writes them (compact JSON), each of its type only. */
    private static final Map<String, String> LITERALS = Map.of(
            "number", "-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![0-9.eE])",
            "integer", "-?(?:0|[1-9][0-9]*)(?![0-9.eE])",
            "string", "\"(?:[^\"\\\\]|\\\\.)*\"",
            "boolean", "(?:true|false)");
    /** The value that every literal of a type stands as in a shape. */
    private static final Map<String, String> FIXED = Map.of("number", "0", "integer", "0", "string", "\"s\"",
            "boolean", "false");

    /** What varies in the messages of a topic: a pattern, and for each of its type-only groups the fixed value. */
    private record Varying(Pattern pattern, Map<String, String> fixedByGroup) {
    }

    private final Map<Topic, Varying> varying = new EnumMap<>(Topic.class);
    private final Map<String, Boolean> valid = new ConcurrentHashMap<>();

    /** Shapes of messages whose values of type-only properties, per topic, vary too. */
    ValidatedShapes(Map<Topic, TypeOnlyProperties> typeOnly) {
        for (Topic topic : Topic.values()) {
            StringBuilder pattern = new StringBuilder(VARYING);
            Map<String, String> fixedByGroup = new HashMap<>();
            TypeOnlyProperties properties = typeOnly.get(topic);
            if (properties != null) {
                LITERALS.forEach((type, literal) -> {
                    Set<String> names = properties.names(type);
                    names.removeAll(Set.of("headerId", "timestamp", "actionId"));
                    if (names.isEmpty()) return;
                    String group = type.substring(0, 3);
                    fixedByGroup.put(group, FIXED.get(type));
                    pattern.append("|(?<").append(group).append(">\"(?:")
                            .append(names.stream().map(Pattern::quote).collect(Collectors.joining("|")))
                            .append(")\":)").append(literal);
                });
            }
            varying.put(topic, new Varying(Pattern.compile(pattern.toString()), Map.copyOf(fixedByGroup)));
        }
    }

    boolean known(Topic topic, byte[] json) {
        return valid.containsKey(shape(topic, json));
    }

    void remember(Topic topic, byte[] json) {
        if (valid.size() >= CAPACITY) valid.clear();
        valid.put(shape(topic, json), Boolean.TRUE);
    }

    /** The topic and the message with its varying values replaced by fixed ones of the same kind. */
    String shape(Topic topic, byte[] json) {
        return shape(topic, json, varying.getOrDefault(topic, ALWAYS_VARYING));
    }

    private static String shape(Topic topic, byte[] json, Varying varying) {
        Matcher m = varying.pattern().matcher(new String(json, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder(json.length + 16).append(topic.name()).append('\n');
        while (m.find()) {
            String fixed;
            if (m.start("h") >= 0) fixed = "\"headerId\":0";
            else if (m.start("t") >= 0) fixed = "\"timestamp\":\"2000-01-01T00:00:00.000Z\"";
            else if (m.start("a") >= 0) fixed = "\"actionId\":\"a\"";
            else fixed = typeOnlyValue(m, varying.fixedByGroup());
            m.appendReplacement(out, Matcher.quoteReplacement(fixed));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code "name":} as matched, with the one value that stands for every value of its type. */
    private static String typeOnlyValue(Matcher m, Map<String, String> fixedByGroup) {
        for (Map.Entry<String, String> g : fixedByGroup.entrySet())
            if (m.start(g.getKey()) >= 0) return m.group(g.getKey()) + g.getValue();
        throw new IllegalStateException("a varying value matched no group: " + m.group());
    }
}
