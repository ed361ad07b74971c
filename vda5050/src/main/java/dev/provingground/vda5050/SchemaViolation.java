package dev.provingground.vda5050;

/**
 * One schema error. {@code pointer} is the RFC 6901 JSON pointer of the offending value ({@code ""} for the
 * whole message; for a missing required field, the object that lacks it).
 */
public record SchemaViolation(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
