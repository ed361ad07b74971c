package dev.provingground.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.documents.DocumentException;
import dev.provingground.documents.DocumentProblem;
import dev.provingground.documents.DocumentSchema;
import dev.provingground.documents.StrictJson;
import dev.provingground.vda5050.Factsheet;
import dev.provingground.vda5050.Header;
import dev.provingground.vda5050.SchemaViolation;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Vda5050DecodeException;
import dev.provingground.vda5050.Vda5050EncodeException;
import dev.provingground.vda5050.Vda5050Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the bytes of one profile file into a {@link HardwareProfile}, or a {@link ProfileLoadException} naming
 * the file and the field. The file is read exactly, checked against the published hardware-profile schema
 * ({@code docs/schemas/hardware-profile.schema.json}: fields, types, bounds; unknown fields refused) and bound to
 * records whose constructors check meaning (idle power not above moving power, a UV-C lamp only on a DISINFECTION
 * robot). The factsheet is checked against the VDA 5050 factsheet schema, stricter than VDA 5050 decoding on
 * purpose: a profile is written by hand, so a misspelt or unknown field is an error rather than something to ignore.
 */
final class ProfileReader {

    /** The published schema, packaged from {@code docs/schemas/} (see this module's pom). */
    private static final DocumentSchema SCHEMA = DocumentSchema.fromClasspath(ProfileReader.class,
            ProfileCatalog.SCHEMA_RESOURCE);
    private static final String FILE_SUFFIX = ".json";

    /** A profile file as written: the factsheet stays a tree until the VDA 5050 codec reads it. */
    private record ProfileDocument(String id, String name, JsonNode factsheet, ServiceExtension service,
                                   List<Source> sources, List<Estimate> estimates) {
    }

    HardwareProfile read(String fileName, byte[] bytes) {
        try {
            return parse(fileName, document(fileName, bytes));
        } catch (InvalidFieldException e) {
            throw new ProfileLoadException(fileName, e.field(), e.problem(), e);
        }
    }

    private static ProfileDocument document(String fileName, byte[] bytes) {
        try {
            JsonNode tree = StrictJson.parse(bytes);
            SCHEMA.require(tree);
            return StrictJson.bind(tree, ProfileDocument.class);
        } catch (DocumentException e) {
            DocumentProblem first = e.problems().get(0);
            // A record's constructor names the field inside the part being bound (service → powerIdleW).
            if (e.getCause() instanceof InvalidFieldException invalid) {
                String part = first.pointer().isEmpty() ? "" : first.field() + ".";
                throw new ProfileLoadException(fileName, part + invalid.field(), invalid.problem(), e);
            }
            throw new ProfileLoadException(fileName, first.pointer().isEmpty() ? null : first.field(),
                    first.message(), e);
        }
    }

    private HardwareProfile parse(String fileName, ProfileDocument document) {
        String expectedId = fileName.endsWith(FILE_SUFFIX)
                ? fileName.substring(0, fileName.length() - FILE_SUFFIX.length()) : fileName;
        if (!document.id().equals(expectedId)) {
            throw new InvalidFieldException("id", "must equal the file name without .json (\"" + expectedId
                    + "\"), got \"" + document.id() + "\"");
        }
        Factsheet factsheet = factsheet(document.factsheet());
        HardwareProfile profile = new HardwareProfile(document.id(), document.name(), factsheet, document.service(),
                document.sources(), document.estimates());
        requireSchemaConformance(factsheet);
        return profile;
    }

    private static Factsheet factsheet(JsonNode written) {
        Factsheet factsheet;
        try {
            factsheet = Codec.INSTANCE.decode(Factsheet.class, StrictJson.write(written));
        } catch (Vda5050DecodeException e) {
            throw new InvalidFieldException(factsheetPath(e.path()), decodeProblem(e));
        }
        String ignored = firstFieldNotIn(written, Vda5050Json.mapper().valueToTree(factsheet), "factsheet");
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

    /** One codec for all loads: building it compiles the schemas. */
    private static final class Codec {
        static final Vda5050Codec INSTANCE = new Vda5050Codec();
    }
}
