package dev.provingground.vda5050;

import java.util.List;
import java.util.stream.Collectors;

/** A message that does not conform to the VDA 5050 2.1.0 schema of its topic; nothing was produced. */
public final class Vda5050EncodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Topic topic;
    private final transient List<SchemaViolation> violations;

    Vda5050EncodeException(Topic topic, List<SchemaViolation> violations) {
        super(topic.wireName() + ": message does not conform to the VDA 5050 2.1.0 schema ("
                + violations.size() + (violations.size() == 1 ? " error" : " errors") + "):\n"
                + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
        this.topic = topic;
        this.violations = List.copyOf(violations);
    }

    Vda5050EncodeException(Topic topic, String problem, Throwable cause) {
        super(topic.wireName() + ": " + problem, cause);
        this.topic = topic;
        this.violations = List.of();
    }

    public Topic topic() {
        return topic;
    }

    /** Every schema error, each with the JSON pointer of the offending value. */
    public List<SchemaViolation> violations() {
        return violations;
    }
}
