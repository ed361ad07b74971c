package dev.provingground.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One kind of document's JSON Schema (draft 2020-12, as published in {@code docs/schemas/}): what it checks is form
 * only (fields, types, bounds, patterns); meaning is checked by the record the document is bound to afterwards.
 * Thread-safe once built.
 */
public final class DocumentSchema {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();

    private final String name;
    private final JsonNode source;
    private final JsonSchema schema;

    private DocumentSchema(String name, JsonNode source) {
        this.name = name;
        this.source = source;
        this.schema = FACTORY.getSchema(source, CONFIG);
    }

    /** The schema at {@code resource} on the classpath of {@code anchor}, e.g. {@code schema/site.schema.json}. */
    public static DocumentSchema fromClasspath(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("schema " + resource + " missing beside " + anchor.getName());
            return new DocumentSchema(resource.substring(resource.lastIndexOf('/') + 1), StrictJson.parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }

    /** The schema's file name, e.g. {@code site.schema.json}. */
    public String name() {
        return name;
    }

    /** Every problem the schema finds, in document order (a missing field after its object's fields); empty when the document has the right form. */
    public List<DocumentProblem> check(JsonNode document) {
        List<DocumentProblem> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(document)) {
            String at = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
            String pointer = at.equals("/") ? "" : at;
            switch (m.getType()) {
                case "required" -> problems.add(new DocumentProblem(DocumentProblem.child(pointer, m.getProperty()),
                        "required"));
                case "additionalProperties" -> problems.add(new DocumentProblem(
                        DocumentProblem.child(pointer, m.getProperty()), "unknown field; allowed here: " + allowed(m)));
                default -> problems.add(new DocumentProblem(pointer, withValue(explained(m), m.getInstanceNode())));
            }
        }
        problems.sort(Comparator.comparing(p -> DocumentOrder.of(document, p.pointer())));
        // One problem per place: 0.5 for an integer of at least 1 is "must be an integer", not that and a bound too.
        Set<String> seen = new HashSet<>();
        problems.removeIf(p -> !seen.add(p.pointer()));
        return problems;
    }

    /** @throws DocumentException with every problem when the document does not have the schema's form */
    public void require(JsonNode document) {
        List<DocumentProblem> problems = check(document);
        if (!problems.isEmpty()) throw new DocumentException(problems);
    }

    /** The validator's message in the project's words: what the value must be. */
    private static String explained(ValidationMessage m) {
        JsonNode keyword = m.getSchemaNode();
        String error = m.getError() == null ? m.getMessage() : m.getError();
        if (keyword == null) return error;
        return switch (m.getType()) {
            case "type" -> "must be " + typeName(keyword);
            case "minimum" -> "must be at least " + keyword.asText();
            case "exclusiveMinimum" -> "must be more than " + keyword.asText();
            case "maximum" -> "must be at most " + keyword.asText();
            case "exclusiveMaximum" -> "must be less than " + keyword.asText();
            case "enum" -> "must be one of " + String.join(", ", texts(keyword));
            case "const" -> "must be " + keyword;
            case "minItems" -> "must have at least " + keyword.asText() + (keyword.asInt() == 1 ? " element" : " elements");
            case "maxItems" -> "must have at most " + keyword.asText() + " elements";
            case "minLength" -> keyword.asInt() == 1 ? "must not be empty" : "must have at least " + keyword.asText() + " characters";
            case "maxLength" -> "must have at most " + keyword.asText() + " characters";
            case "pattern" -> keyword.asText().equals(IdGrammar.REGEX) ? "must be an id: " + IdGrammar.RULE
                    : "must match " + keyword.asText();
            case "false" -> "not allowed here";
            default -> error;
        };
    }

    private static String typeName(JsonNode type) {
        List<String> names = new ArrayList<>();
        for (String t : texts(type)) {
            names.add(switch (t) {
                case "number" -> "a number";
                case "integer" -> "an integer";
                case "string" -> "a string";
                case "boolean" -> "true or false";
                case "object" -> "an object";
                case "array" -> "an array";
                case "null" -> "null";
                default -> t;
            });
        }
        return String.join(" or ", names);
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) node.forEach(element -> texts.add(element.asText()));
        else texts.add(node.asText());
        return texts;
    }

    /** The properties the object's schema lists, sorted: what a misspelt field was probably meant to be. */
    private String allowed(ValidationMessage m) {
        String location = m.getSchemaLocation().getFragment().toString();
        String parent = location.substring(0, Math.max(0, location.lastIndexOf('/')));
        List<String> names = new ArrayList<>();
        source.at(parent.equals("#") ? "" : parent.replaceFirst("^#", "")).path("properties").fieldNames()
                .forEachRemaining(names::add);
        names.sort(null);
        return String.join(", ", names);
    }

    private static String withValue(String error, JsonNode value) {
        if (value == null || value.isContainerNode() || value.isMissingNode()) return error;
        String sent = value.toString();
        return error + ", got " + (sent.length() <= 60 ? sent : sent.substring(0, 57) + "...");
    }
}
