package dev.provingground.server.api.validation;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every operation of the OpenAPI document with what a request to it must satisfy: its path parameters follow
 * {@link IdGrammar}, and a JSON request body passes {@link JsonTokenScan} and then the operation's schema in its
 * strict form ({@link StrictSchemas}). Built once at start; thread-safe afterwards.
 */
public final class RequestSchemas {

    /**
     * What is wrong with a request to the operation at {@code template}: the RFC 6901 pointer of the value in the
     * body, or the name of the path parameter ({@code pathParameter}, pointer empty).
     */
    public record Violation(String template, String pathParameter, String pointer, String message, boolean malformed) {

        /** The field as the API names fields elsewhere: {@code nodes[0].x}, a path parameter by its name. */
        public String field() {
            if (pathParameter != null) return pathParameter;
            if (pointer.isEmpty()) return "(body)";
            StringBuilder field = new StringBuilder();
            for (String part : pointer.substring(1).split("/", -1)) {
                String name = part.replace("~1", "/").replace("~0", "~");
                if (name.matches("\\d+")) field.append('[').append(name).append(']');
                else field.append(field.length() == 0 ? "" : ".").append(name);
            }
            return field.toString();
        }
    }

    /**
     * @param grammars per path parameter, the pattern its OpenAPI schema declares for a value that is not an id
     *                 (a token id, a manufacturer name), or null when it follows {@link IdGrammar}
     */
    private record Operation(String method, String template, Pattern path, List<String> parameters,
                             List<Pattern> grammars, Validator body, int literals) {
    }

    private static final Pattern SUMMARY = Pattern.compile(
            "A sub-?schema had errors|Property \".*\" does not match schema|Items did not match schema"
                    + "|.*does not match additional properties schema.*");

    /** The documents published as JSON Schemas (docs/schemas/), by file name, and their component in the document. */
    public static final Map<String, String> PUBLISHED = Map.of("site.schema.json", "Site", "zone.schema.json", "Zone",
            "zone-collection.schema.json", "ZoneCollection", "elevator-rules.schema.json", "ElevatorRules");

    private final List<Operation> operations;
    private final Map<String, JsonObject> published;

    private RequestSchemas(List<Operation> operations, Map<String, JsonObject> published) {
        this.operations = operations;
        this.published = published;
    }

    /** The published schema of that file name (e.g. {@code site.schema.json}), or null. */
    public JsonObject published(String name) {
        JsonObject schema = published.get(name);
        return schema == null ? null : schema.copy();
    }

    /** The document at {@code resource} on the classpath of {@code anchor}. */
    public static RequestSchemas fromClasspath(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("OpenAPI document " + resource + " missing");
            return of(new Yaml(new LoaderOptions()).load(in));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static RequestSchemas of(Map<String, Object> document) {
        Map<String, Object> components = (Map<String, Object>) ((Map<String, Object>) document
                .getOrDefault("components", Map.of())).getOrDefault("schemas", Map.of());
        StrictSchemas strict = new StrictSchemas(components);
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> parameterComponents = (Map<String, Object>) ((Map<String, Object>) document
                .getOrDefault("components", Map.of())).getOrDefault("parameters", Map.of());
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.forEach((template, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) return;
            Validator body = bodyValidator(strict, (Map<String, Object>) op);
            Map<String, Pattern> declared = new java.util.HashMap<>();
            declaredPatterns(((Map<String, Object>) item).get("parameters"), parameterComponents, declared);
            declaredPatterns(((Map<String, Object>) op).get("parameters"), parameterComponents, declared);
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder("^");
            int literals = 0;
            for (String segment : template.substring(1).split("/")) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    names.add(segment.substring(1, segment.length() - 1));
                    regex.append("([^/]*)");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            List<Pattern> grammars = names.stream().map(declared::get).toList();
            operations.add(new Operation(method.toUpperCase(Locale.ROOT), template, Pattern.compile(regex + "$"),
                    names, java.util.Collections.unmodifiableList(new ArrayList<>(grammars)), body, literals));
        }));
        operations.sort(Comparator.comparingInt(Operation::literals).reversed());
        Map<String, JsonObject> published = new java.util.TreeMap<>();
        PUBLISHED.forEach((file, component) -> {
            JsonObject schema = new JsonObject().put("$schema", "https://json-schema.org/draft/2020-12/schema")
                    .put("$id", "https://provingground.dev/schemas/" + file);
            schema.mergeIn(json(strict.strict(Map.of("$ref", "#/components/schemas/" + component), null)));
            published.put(file, schema);
        });
        return new RequestSchemas(List.copyOf(operations), Map.copyOf(published));
    }

    /** The path parameters among {@code parameters} whose schema declares its own {@code pattern}, by name. */
    @SuppressWarnings("unchecked")
    private static void declaredPatterns(Object parameters, Map<String, Object> components, Map<String, Pattern> into) {
        if (!(parameters instanceof List<?> list)) return;
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> raw)) continue;
            Map<String, Object> parameter = (Map<String, Object>) raw;
            if (parameter.get("$ref") instanceof String ref && ref.startsWith("#/components/parameters/"))
                parameter = (Map<String, Object>) components.get(ref.substring("#/components/parameters/".length()));
            if (parameter == null || !"path".equals(parameter.get("in"))) continue;
            if (parameter.get("schema") instanceof Map<?, ?> schema && schema.get("pattern") instanceof String pattern)
                into.put((String) parameter.get("name"), Pattern.compile(pattern));
        }
    }

    @SuppressWarnings("unchecked")
    private static Validator bodyValidator(StrictSchemas strict, Map<String, Object> op) {
        if (!(op.get("requestBody") instanceof Map<?, ?> requestBody)) return null;
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) requestBody).get("content");
        if (content == null) return null;
        Object media = content.containsKey("application/json") ? content.get("application/json")
                : content.get("application/geo+json");
        if (!(media instanceof Map<?, ?> m) || m.get("schema") == null) return null;
        return Validator.create(JsonSchema.of(json(strict.strict(m.get("schema"), null))), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
                .setBaseUri("https://provingground.dev/api/v1/request").setOutputFormat(OutputFormat.Basic));
    }

    private static JsonObject json(Object schema) {
        return (JsonObject) Json.decodeValue(Json.encode(schema));
    }

    /** Whether a documented operation with a JSON body answers {@code method} on {@code path}. */
    public boolean hasBody(String method, String path) {
        Operation op = find(method, path);
        return op != null && op.body() != null;
    }

    /**
     * The first thing wrong with a request, or null. An undocumented method or path is not judged here (the router
     * answers 404 or 405); a documented one without a JSON body is checked for its path ids only.
     */
    public Violation check(String method, String rawPath, byte[] body) {
        Operation op = find(method, rawPath);
        if (op == null) return null;
        var matcher = op.path().matcher(rawPath);
        matcher.matches();
        for (int i = 0; i < op.parameters().size(); i++) {
            String value;
            try {
                value = URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Violation(op.template(), op.parameters().get(i), "", "not a valid percent-encoded id", false);
            }
            Pattern grammar = op.grammars().get(i);
            String problem = grammar == null ? IdGrammar.problem(value)
                    : grammar.matcher(value).find() ? null : "must match " + grammar.pattern();
            if (problem != null) return new Violation(op.template(), op.parameters().get(i), "", problem, false);
        }
        if (op.body() == null) return null;
        JsonTokenScan.Problem scanned = JsonTokenScan.scan(body == null ? new byte[0] : body);
        if (scanned != null) return new Violation(op.template(), null, scanned.pointer(), scanned.message(), scanned.malformed());
        Object document;
        try {
            document = Json.decodeValue(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (DecodeException e) {
            return new Violation(op.template(), null, "", "malformed JSON: " + e.getMessage(), true);
        }
        OutputUnit result = op.body().validate(document);
        if (Boolean.TRUE.equals(result.getValid())) return null;
        List<OutputUnit> units = result.getErrors() == null ? List.of(result) : result.getErrors();
        OutputUnit first = units.stream().filter(u -> u.getError() == null || !SUMMARY.matcher(u.getError()).matches())
                .findFirst().orElse(units.get(0));
        String location = first.getInstanceLocation() == null ? "" : first.getInstanceLocation();
        String pointer = location.startsWith("#") ? location.substring(1) : location;
        var missing = first.getError() == null ? null : REQUIRED.matcher(first.getError());
        if (missing != null && missing.matches())
            return new Violation(op.template(), null, pointer + "/" + missing.group(1).replace("~", "~0")
                    .replace("/", "~1"), "required", false);
        return new Violation(op.template(), null, pointer, explained(first.getError(), document, pointer), false);
    }

    private static final Pattern ENUM = Pattern.compile("Instance does not match any of \\[(.*)]");
    private static final Pattern REQUIRED = Pattern.compile("Instance does not have required property \"(.*)\"");
    private static final Pattern BOUND = Pattern.compile(".* is (less|greater) than (or equal to )?(\\S+)");

    /** The validator's message in the API's words, with the value that was sent when it is a scalar. */
    static String explained(String error, Object document, String pointer) {
        String message = error == null ? "does not match its schema" : error;
        var enumeration = ENUM.matcher(message);
        if (enumeration.matches()) message = "must be one of [" + enumeration.group(1).replace("\"", "")
                .replace(",", ", ") + "]";
        var bound = BOUND.matcher(message);
        if (bound.matches()) message = bound.group(1).equals("less")
                ? (bound.group(2) == null ? "must be at least " : "must be more than ") + bound.group(3)
                : (bound.group(2) == null ? "must be at most " : "must be less than ") + bound.group(3);
        Object value = at(document, pointer);
        if (value != null && !(value instanceof JsonObject) && !(value instanceof io.vertx.core.json.JsonArray)) {
            String sent = Json.encode(value);
            message += ", got " + (sent.length() <= 60 ? sent : sent.substring(0, 57) + "...");
        }
        return message;
    }

    private static Object at(Object node, String pointer) {
        if (pointer.isEmpty()) return node;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String part = raw.replace("~1", "/").replace("~0", "~");
            if (node instanceof JsonObject o) node = o.getValue(part);
            else if (node instanceof io.vertx.core.json.JsonArray a && part.matches("\\d+")
                    && Integer.parseInt(part) < a.size()) node = a.getValue(Integer.parseInt(part));
            else return null;
        }
        return node;
    }

    private Operation find(String method, String path) {
        for (Operation op : operations)
            if (op.method().equals(method) && op.path().matcher(path).matches()) return op;
        return null;
    }
}
