package dev.provingground.agent.rosbridge;

/**
 * Something wrong that came over the rosbridge link: never fatal to the agent, always reported.
 *
 * @param kind   what went wrong
 * @param detail human-readable, with what was received (cut short)
 * @param id     the rosbridge id it concerns (a service call, goal or subscription), or null
 */
public record RosbridgeProblem(Kind kind, String detail, String id) {

    public enum Kind {
        /** Not JSON, or JSON but not an object with a string {@code op}. */
        MALFORMED_MESSAGE,
        /** An {@code op} the client does not know (or one only a server should receive). */
        UNKNOWN_OP,
        /** A {@code fragment} that cannot belong to any message. */
        BAD_FRAGMENT,
        /** A {@code status} message with level {@code error}. */
        STATUS_ERROR,
        /** A {@code status} message with level {@code warning}. */
        STATUS_WARNING,
        /** A binary (CBOR) frame, which this client never asks for. */
        UNSUPPORTED_ENCODING
    }

    /** The text of what was received, cut to a length that keeps logs and VDA 5050 error descriptions readable. */
    static String excerpt(String text) {
        if (text == null) return "(nothing)";
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
