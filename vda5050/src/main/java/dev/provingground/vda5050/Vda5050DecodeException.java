package dev.provingground.vda5050;

/**
 * A payload that cannot be used: malformed JSON, a wrong JSON type, a missing required field, an unknown
 * enum value or a number outside its field's bounds. The message starts with the message kind (topic wire name) and names the JSON path, e.g.
 * {@code state: $.batteryState.batteryCharge: expected number but got string "full"}.
 */
public final class Vda5050DecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Whether the payload was not JSON at all, JSON that is not a usable message, or a message with a number
     * (or time) that is not finite or outside the bounds of its field.
     */
    public enum Kind { MALFORMED_JSON, INVALID_MESSAGE, OUT_OF_BOUNDS }

    private final String subject;
    private final String path;
    private final Kind kind;

    Vda5050DecodeException(String subject, String path, String message) {
        this(Kind.INVALID_MESSAGE, subject, path, message);
    }

    Vda5050DecodeException(Kind kind, String subject, String path, String message) {
        super(message);
        this.kind = kind;
        this.subject = subject;
        this.path = path;
    }

    public Kind kind() {
        return kind;
    }

    static Vda5050DecodeException missing(String subject, JsonPath at) {
        String path = at.toString();
        return new Vda5050DecodeException(subject, path, subject + ": missing required field " + path);
    }

    static Vda5050DecodeException invalid(String subject, JsonPath at, String problem) {
        String path = at.toString();
        return new Vda5050DecodeException(subject, path, subject + ": " + path + ": " + problem);
    }

    static Vda5050DecodeException outOfBounds(String subject, JsonPath at, String problem) {
        String path = at.toString();
        return new Vda5050DecodeException(Kind.OUT_OF_BOUNDS, subject, path, subject + ": " + path + ": " + problem);
    }

    /** What was being decoded: a topic wire name such as {@code state}, or a type name for nested parts. */
    public String subject() {
        return subject;
    }

    /** JSON path of the offending value, {@code $} for the whole payload. */
    public String path() {
        return path;
    }
}
