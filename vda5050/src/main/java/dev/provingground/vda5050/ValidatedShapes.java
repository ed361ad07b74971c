package dev.provingground.vda5050;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of encoded messages already found valid. Messages the server sends again and again (the same
 * {@code startPause}, the same order update to another robot) differ only in their header's {@code headerId} and
 * {@code timestamp} and in their {@code actionId}s; the VDA 5050 schemas ask of those only that they be an integer
 * (at least 0 in the factsheet), a date-time and a string, which the encoder's output always is. So a message whose
 * other bytes equal those of one that validated is valid too, and the schema validator, a few tenths of a
 * millisecond per message, runs once per shape instead of once per message.
 */
final class ValidatedShapes {

    /** Shapes kept; when full, forgotten all at once (a server sends few shapes, so that is rare). */
    static final int CAPACITY = 4096;

    private static final Pattern VARYING = Pattern.compile(
            "\"headerId\":\\d+|\"timestamp\":\"[0-9T:.Z+-]*\"|\"actionId\":\"(?:[^\"\\\\]|\\\\.)*\"");

    private final Map<String, Boolean> valid = new ConcurrentHashMap<>();

    boolean known(Topic topic, byte[] json) {
        return valid.containsKey(shape(topic, json));
    }

    void remember(Topic topic, byte[] json) {
        if (valid.size() >= CAPACITY) valid.clear();
        valid.put(shape(topic, json), Boolean.TRUE);
    }

    /** The topic and the message with its varying values replaced by fixed ones of the same kind. */
    static String shape(Topic topic, byte[] json) {
        Matcher m = VARYING.matcher(new String(json, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder(json.length + 16).append(topic.name()).append('\n');
        while (m.find()) {
            char first = m.group().charAt(1);
            m.appendReplacement(out, first == 'h' ? "\"headerId\":0"
                    : first == 't' ? "\"timestamp\":\"2000-01-01T00:00:00.000Z\"" : "\"actionId\":\"a\"");
        }
        m.appendTail(out);
        return out.toString();
    }
}
