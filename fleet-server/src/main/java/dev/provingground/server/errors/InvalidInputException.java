package dev.provingground.server.errors;

import java.util.Map;

/** Input that cannot be accepted; {@code field} names where it is wrong. Nothing was changed. */
public class InvalidInputException extends RuntimeException {
    private final String field;
    private final Map<String, Object> details;

    public InvalidInputException(String field, String message) {
        this(field, message, Map.of());
    }

    public InvalidInputException(String field, String message, Map<String, Object> details) {
        super(field + ": " + message);
        this.field = field;
        this.details = details;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }
}
