package dev.provingground.profiles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.provingground.vda5050.Factsheet;
import dev.provingground.vda5050.Header;
import dev.provingground.vda5050.SchemaViolation;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Vda5050DecodeException;
import dev.provingground.vda5050.Vda5050EncodeException;
import dev.provingground.vda5050.Vda5050Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns the bytes of one profile file into a {@link HardwareProfile}, or a {@link ProfileLoadException} naming
 * the file and the field. Stricter than VDA 5050 decoding on purpose: a profile is written by hand, so a
 * misspelt or unknown field is an error rather than something to ignore.
 */
final class ProfileReader {

    private static final Set<String> PROFILE_FIELDS = Set.of("id", "name", "factsheet", "service", "sources", "estimates");
    private static final Set<String> SERVICE_FIELDS = Set.of("kind", "environment", "massEmptyKg", "maxPayloadKg",
            "batteryCapacityWh", "powerIdleW", "powerMovingW", "chargePowerW", "elevatorCapable",
            "uvcIrradianceAt1mMicroWattPerCm2");
    private static final Set<String> SOURCE_FIELDS = Set.of("title", "publisher", "url", "figures");
    private static final Set<String> ESTIMATE_FIELDS = Set.of("field", "basis");
    /** A profile describes a model, not a message: the publisher sets these. */
    private static final Set<String> MESSAGE_ONLY_FIELDS = Set.of("headerId", "timestamp");
    private static final String FILE_SUFFIX = ".json";

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    HardwareProfile read(String fileName, byte[] bytes) {
        try {
            return parse(fileName, tree(fileName, bytes));
        } catch (InvalidFieldException e) {
            throw new ProfileLoadException(fileName, e.field(), e.problem(), e);
        }
    }

    private static JsonNode tree(String fileName, byte[] bytes) {
        JsonNode tree;
        try {
            tree = STRICT_JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ProfileLoadException(fileName, null, where + "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProfileLoadException(fileName, null, "cannot read: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ProfileLoadException(fileName, null, "empty file; expected a JSON object");
        }
        if (!tree.isObject()) {
            throw new ProfileLoadException(fileName, null, "expected a JSON object, got " + abbreviate(tree.toString()));
        }
        return tree;
    }

    private HardwareProfile parse(String fileName, JsonNode tree) {
        ProfileFields root = ProfileFields.object(tree, "").allowOnly(PROFILE_FIELDS);
        String id = root.text("id");
        String expectedId = fileName.endsWith(FILE_SUFFIX)
                ? fileName.substring(0, fileName.length() - FILE_SUFFIX.length()) : fileName;
        if (!id.equals(expectedId)) {
            throw new InvalidFieldException("id", "must equal the file name without .json (\"" + expectedId
                    + "\"), got \"" + id + "\"");
        }
        String name = root.text("name");
        ServiceExtension service = service(ProfileFields.object(root.node().get("service"), "service"));
        List<Source> sources = new ArrayList<>();
        for (ProfileFields source : root.objects("sources")) {
            sources.add(source(source));
        }
        List<Estimate> estimates = new ArrayList<>();
        if (root.has("estimates")) {
            for (ProfileFields estimate : root.objects("estimates")) {
                estimates.add(estimate(estimate));
            }
        }
        Factsheet factsheet = factsheet(ProfileFields.object(root.node().get("factsheet"), "factsheet"));
        HardwareProfile profile = new HardwareProfile(id, name, factsheet, service, sources, estimates);
        requireSchemaConformance(factsheet);
        return profile;
    }

    private static ServiceExtension service(ProfileFields s) {
        s.allowOnly(SERVICE_FIELDS);
        RobotKind kind = s.enumValue("kind", RobotKind.class);
        Environment environment = s.enumValue("environment", Environment.class);
        double massEmptyKg = s.number("massEmptyKg");
        double maxPayloadKg = s.number("maxPayloadKg");
        double batteryCapacityWh = s.number("batteryCapacityWh");
        double powerIdleW = s.number("powerIdleW");
        double powerMovingW = s.number("powerMovingW");
        double chargePowerW = s.number("chargePowerW");
        boolean elevatorCapable = s.bool("elevatorCapable");
        Double uvc = s.optionalNumber("uvcIrradianceAt1mMicroWattPerCm2");
        return within("service", () -> new ServiceExtension(kind, environment, massEmptyKg, maxPayloadKg,
                batteryCapacityWh, powerIdleW, powerMovingW, chargePowerW, elevatorCapable, uvc));
    }

    private static Source source(ProfileFields s) {
        s.allowOnly(SOURCE_FIELDS);
        String title = s.text("title");
        String publisher = s.text("publisher");
        String url = s.text("url");
        String figures = s.text("figures");
        return within(s.path(), () -> new Source(title, publisher, url, figures));
    }

    private static Estimate estimate(ProfileFields e) {
        e.allowOnly(ESTIMATE_FIELDS);
        String field = e.text("field");
        String basis = e.text("basis");
        return new Estimate(field, basis);
    }

    private static Factsheet factsheet(ProfileFields f) {
        for (String name : MESSAGE_ONLY_FIELDS) {
            if (f.node().has(name)) {
                throw new InvalidFieldException(f.child(name), "not allowed in a profile: the publisher of a factsheet message sets it");
            }
        }
        String version = f.text("version");
        if (!version.equals(Header.PROTOCOL_VERSION)) {
            throw new InvalidFieldException(f.child("version"), "must be \"" + Header.PROTOCOL_VERSION
                    + "\" (profiles are written against VDA 5050 " + Header.PROTOCOL_VERSION + "), got \"" + version + "\"");
        }
        Factsheet factsheet;
        try {
            factsheet = Codec.INSTANCE.decode(Factsheet.class, STRICT_JSON.writeValueAsBytes(f.node()));
        } catch (Vda5050DecodeException e) {
            throw new InvalidFieldException(factsheetPath(e.path()), decodeProblem(e));
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("factsheet", "cannot re-serialise: " + e.getOriginalMessage());
        }
        String ignored = firstFieldNotIn(f.node(), Vda5050Json.mapper().valueToTree(factsheet), "factsheet");
        if (ignored != null) {
            throw new InvalidFieldException(ignored, "unknown field; not part of the VDA 5050 " + Header.PROTOCOL_VERSION + " factsheet");
        }
        return factsheet;
    }

    private static void requireSchemaConformance(Factsheet factsheet) {
        try {
            Codec.INSTANCE.encode(factsheet);
        } catch (Vda5050EncodeException e) {
            String problems = e.violations().isEmpty() ? e.getMessage()
                    : e.violations().stream().map(ProfileReader::describe).collect(Collectors.joining("; "));
            throw new InvalidFieldException("factsheet", "does not conform to the VDA 5050 " + Header.PROTOCOL_VERSION
                    + " factsheet schema: " + problems);
        }
    }

    private static String describe(SchemaViolation violation) {
        return pointerPath(violation.pointer()) + ": " + violation.message();
    }

    /** RFC 6901 pointer "/protocolFeatures/agvActions/3/actionType" as "factsheet.protocolFeatures.agvActions[3].actionType". */
    static String pointerPath(String pointer) {
        StringBuilder path = new StringBuilder("factsheet");
        if (pointer == null || pointer.isEmpty()) {
            return path.toString();
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append('.').append(name);
            }
        }
        return path.toString();
    }

    /**
     * The first field of {@code written} (the file) that {@code decoded} lacks: the lenient VDA 5050 decoder drops
     * fields it does not know, so a field that vanished on the way through was misspelt or unknown.
     */
    private static String firstFieldNotIn(JsonNode written, JsonNode decoded, String path) {
        if (written.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = written.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    continue;
                }
                String childPath = path + "." + field.getKey();
                JsonNode counterpart = decoded == null ? null : decoded.get(field.getKey());
                if (counterpart == null || counterpart.isNull()) {
                    return childPath;
                }
                String inner = firstFieldNotIn(field.getValue(), counterpart, childPath);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (written.isArray() && decoded != null && decoded.isArray()) {
            for (int i = 0; i < written.size() && i < decoded.size(); i++) {
                String inner = firstFieldNotIn(written.get(i), decoded.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** "$.physicalParameters.speedMax" becomes "factsheet.physicalParameters.speedMax". */
    private static String factsheetPath(String jsonPath) {
        if (jsonPath == null || jsonPath.equals("$") || jsonPath.isEmpty()) {
            return "factsheet";
        }
        String relative = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
        return relative.startsWith("[") || relative.startsWith(".") ? "factsheet" + relative : "factsheet." + relative;
    }

    /** The decode message without its "factsheet: $.path: " prefix, which the profile path replaces. */
    private static String decodeProblem(Vda5050DecodeException e) {
        String message = e.getMessage();
        if (message.contains("missing required field")) {
            return "required";
        }
        String prefix = e.subject() + ": " + e.path() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static <T> T within(String prefix, Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(prefix + "." + e.field(), e.problem());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** One codec for all loads: building it compiles the schemas. */
    private static final class Codec {
        static final Vda5050Codec INSTANCE = new Vda5050Codec();
    }
}
