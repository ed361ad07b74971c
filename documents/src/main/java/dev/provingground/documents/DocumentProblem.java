package dev.provingground.documents;

import java.util.Objects;

/**
 * One thing wrong with a document: where it is, as an RFC 6901 pointer ({@code /levels/0/waypoints/1/x}; empty for
 * the whole document), and what is wrong.
 */
public record DocumentProblem(String pointer, String message) {

    public DocumentProblem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** The place as the project's messages name fields: {@code levels[0].waypoints[1].x}, {@code (root)} for the whole. */
    public String field() {
        if (pointer.isEmpty()) return "(root)";
        StringBuilder field = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) field.append('[').append(name).append(']');
            else field.append(field.length() == 0 ? "" : ".").append(name);
        }
        return field.toString();
    }

    /** {@code field: message}, the form every problem list of the project uses. */
    @Override
    public String toString() {
        return field() + ": " + message;
    }

    /** The pointer of {@code name} inside the object at {@code parent}. */
    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
