package dev.provingground.server.api.corpus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * A seeded corpus of hostile requests: for every POST/PUT operation, its valid example body with each field mutated
 * in turn (missing, null, every wrong type, ±1e308, 2^70, NaN/Infinity/1e400 tokens, a 100k string, control and
 * bidi characters, traversal strings), malformed bodies, an unknown field, path ids that traverse or run long, and
 * then random combinations of two or three mutations until the corpus has the size asked for.
 */
public final class RequestCorpus {

    /** One request: method, path (percent-encoded as sent) and the body text (null for none). */
    public record Request(String method, String path, String body, String what) {
    }

    /** An operation: method, path with its ids filled in, and a fresh valid body per call (null for no body). */
    public record Operation(String method, String template, List<String> pathIds, IntFunction<JsonObject> body) {

        String path(List<String> ids) {
            String path = template;
            for (String id : ids) path = path.replaceFirst("\\{[^}]+}", id);
            return path;
        }
    }

    private static final String SLOT = "\"__MUTATION__\"";
    static final List<String> VALUES = List.of("null", "\"x\"", "1", "true", "[]", "{}", "1e308", "-1e308",
            "1180591620717411303424", "NaN", "Infinity", "-Infinity", "1e400", "-1e400",
            "\"" + "a".repeat(100_000) + "\"", "\"a\\u0000b\"", "\"a\\u001bb\"", "\"a\\u202Eb\"", "\"\\u2066x\\u2069\"",
            "\"../../etc/passwd\"", "\"..\"", "-1", "0", "0.5", "\"\"");
    static final List<String> MALFORMED = List.of("", "{", "[]", "\"s\"", "42", "null", "{}", "{\"a\":1}{}",
            "[".repeat(40) + "]".repeat(40), "{\"a\":NaN}", "{'a':1}", "\u0000");
    static final List<String> BAD_IDS = List.of("..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a".repeat(65),
            "a".repeat(300), "a%00b", "a%E2%80%AEb", "a%2Fb", "-a", ".hidden", "%20", "a%0Ab", "%C0%AE%C0%AE");

    private final Random random;
    private int serial;

    public RequestCorpus(long seed) {
        random = new Random(seed);
    }

    public List<Request> generate(List<Operation> operations, int atLeast) {
        List<Request> out = new ArrayList<>();
        for (Operation op : operations) {
            for (int i = 0; i < op.pathIds().size(); i++) {
                for (String bad : BAD_IDS) {
                    List<String> ids = new ArrayList<>(op.pathIds());
                    ids.set(i, bad);
                    out.add(new Request(op.method(), op.path(ids), bodyText(op), "path id " + i + " = " + bad));
                }
            }
            if (op.body() == null) continue;
            out.add(new Request(op.method(), op.path(op.pathIds()), bodyText(op), "valid"));
            for (String bad : MALFORMED) out.add(new Request(op.method(), op.path(op.pathIds()), bad, "malformed"));
            JsonObject extra = op.body().apply(++serial).put("descripton", "misspelt");
            out.add(new Request(op.method(), op.path(op.pathIds()), extra.encode(), "unknown field"));
            for (String pointer : pointers(op.body().apply(0))) {
                out.add(new Request(op.method(), op.path(op.pathIds()), removed(op.body().apply(++serial), pointer),
                        "missing " + pointer));
                for (String value : VALUES)
                    out.add(new Request(op.method(), op.path(op.pathIds()), replaced(op.body().apply(++serial),
                            pointer, value), pointer + " = " + abbreviate(value)));
            }
        }
        List<Operation> withBodies = operations.stream().filter(op -> op.body() != null).toList();
        while (out.size() < atLeast) {
            Operation op = withBodies.get(random.nextInt(withBodies.size()));
            JsonObject body = op.body().apply(++serial);
            List<String> pointers = pointers(body);
            String text = body.encode();
            StringBuilder what = new StringBuilder("combined");
            for (int n = 2 + random.nextInt(2); n > 0; n--) {
                String pointer = pointers.get(random.nextInt(pointers.size()));
                String value = VALUES.get(random.nextInt(VALUES.size()));
                String mutated = replaced(new JsonObject(text), pointer, value);
                if (mutated.equals(text)) continue;
                text = mutated;
                what.append(' ').append(pointer).append('=').append(abbreviate(value));
                if (!text.startsWith("{") || !isObject(text)) break;
            }
            out.add(new Request(op.method(), op.path(op.pathIds()), text, what.toString()));
        }
        return out;
    }

    private String bodyText(Operation op) {
        return op.body() == null ? null : op.body().apply(++serial).encode();
    }

    /** Every value's pointer below the root, parents before children. */
    static List<String> pointers(Object node) {
        List<String> out = new ArrayList<>();
        walk(node, "", out);
        return out;
    }

    private static void walk(Object node, String at, List<String> out) {
        if (node instanceof JsonObject o) {
            for (String key : o.fieldNames()) {
                out.add(at + "/" + key);
                walk(o.getValue(key), at + "/" + key, out);
            }
        } else if (node instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(at + "/" + i);
                walk(a.getValue(i), at + "/" + i, out);
            }
        }
    }

    static String removed(JsonObject body, String pointer) {
        Object parent = parent(body, pointer);
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof JsonObject o) o.remove(last);
        else if (parent instanceof JsonArray a) a.remove(Integer.parseInt(last));
        return body.encode();
    }

    /** The body with the value at {@code pointer} replaced by a raw JSON token (which may be no valid JSON). */
    static String replaced(JsonObject body, String pointer, String rawValue) {
        Object parent = parent(body, pointer);
        if (parent == null) return body.encode();
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof JsonObject o) o.put(last, "__MUTATION__");
        else if (parent instanceof JsonArray a) a.set(Integer.parseInt(last), "__MUTATION__");
        return body.encode().replace(SLOT, rawValue);
    }

    private static Object parent(JsonObject body, String pointer) {
        Object node = body;
        String[] parts = pointer.substring(1).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (node instanceof JsonObject o) node = o.getValue(parts[i]);
            else if (node instanceof JsonArray a) node = a.getValue(Integer.parseInt(parts[i]));
            else return null;
        }
        return node instanceof JsonObject || node instanceof JsonArray ? node : null;
    }

    private static boolean isObject(String text) {
        try {
            new JsonObject(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 24 ? value : value.substring(0, 12) + "…(" + value.length() + ")";
    }
}
