package dev.provingground.server.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ServerConfig}: defaults, then a JSON file (if any), then environment variables.
 *
 * <p>Every setting has an environment name derived from its path: {@code mqtt.maxMessageSize} is
 * {@code PG_MQTT_MAX_MESSAGE_SIZE}, {@code dataDir} is {@code PG_DATA_DIR}; list settings take comma-separated
 * values. A file key that is not a setting is an error, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {

    private static final String ENV_PREFIX = "PG_";

    private final ObjectMapper mapper;

    public ConfigLoader() {
        SimpleModule paths = new SimpleModule().addSerializer(Path.class, new JsonSerializer<>() {
            @Override
            public void serialize(Path value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        mapper = new ObjectMapper().registerModule(paths)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** @param file a JSON file, or null for defaults plus environment */
    public ServerConfig load(Path file, Map<String, String> env) {
        ObjectNode tree = mapper.valueToTree(ServerConfig.defaults());
        String source = "defaults";
        if (file != null) {
            source = file.toString();
            JsonNode fromFile;
            try {
                fromFile = mapper.readTree(Files.readAllBytes(file));
            } catch (JsonProcessingException e) {
                throw new ConfigException(file + ": not valid JSON: " + e.getOriginalMessage()
                        + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read: " + e.getMessage());
            }
            if (!(fromFile instanceof ObjectNode obj))
                throw new ConfigException(file + ": must hold a JSON object");
            merge(tree, obj, "", file.toString());
        }
        applyEnvironment(tree, "", env);
        try {
            return mapper.treeToValue(tree, ServerConfig.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(source + ": " + cause.getMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage() + " at " + pathOf(e));
        }
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            StringBuilder sb = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
                else sb.append('[').append(ref.getIndex()).append(']');
            }
            return sb.toString();
        }
        return "?";
    }

    private static void merge(ObjectNode target, ObjectNode overrides, String prefix, String file) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String path = prefix + field.getKey();
            if (!target.has(field.getKey()))
                throw new ConfigException(file + ": " + path + ": unknown setting (known: "
                        + String.join(", ", fieldNames(target)) + ")");
            JsonNode current = target.get(field.getKey());
            if (current instanceof ObjectNode currentObj && field.getValue() instanceof ObjectNode overrideObj) {
                merge(currentObj, overrideObj, path + ".", file);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void applyEnvironment(ObjectNode node, String prefix, Map<String, String> env) {
        for (String name : fieldNames(node)) {
            JsonNode value = node.get(name);
            String path = prefix + name;
            if (value instanceof ObjectNode obj) {
                applyEnvironment(obj, path + ".", env);
                continue;
            }
            String envValue = env.get(envName(path));
            if (envValue == null) continue;
            node.set(name, parseEnv(value, envValue));
        }
    }

    private static JsonNode parseEnv(JsonNode current, String text) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (current instanceof ArrayNode) {
            ArrayNode arr = f.arrayNode();
            for (String part : text.split(",")) if (!part.isBlank()) arr.add(part.trim());
            return arr;
        }
        // Numbers and booleans stay strings here; Jackson coerces them and names the setting if they are wrong.
        return f.textNode(text);
    }

    /** {@code mqtt.maxMessageSize} → {@code PG_MQTT_MAX_MESSAGE_SIZE}. */
    public static String envName(String path) {
        StringBuilder sb = new StringBuilder(ENV_PREFIX);
        for (char c : path.toCharArray()) {
            if (c == '.') sb.append('_');
            else if (Character.isUpperCase(c)) sb.append('_').append(c);
            else sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }
}
