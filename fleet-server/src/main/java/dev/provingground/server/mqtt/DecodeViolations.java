package dev.provingground.server.mqtt;

import dev.provingground.vda5050.SchemaViolation;
import dev.provingground.vda5050.Vda5050DecodeException;

/**
 * Turns a decode error into the schema violation a vendor reads: the JSON pointer (RFC 6901) of the wrong value
 * and what is wrong with it. The decoder names the value by a JSON path ({@code $.nodeStates[2].nodeId}); the API
 * speaks pointers, like the schema validator does.
 */
final class DecodeViolations {

    private DecodeViolations() {
    }

    static SchemaViolation of(Vda5050DecodeException e) {
        String path = e.path() == null ? "$" : e.path();
        String message = e.getMessage();
        // The decoder writes "subject: path: problem"; the pointer already says where, so keep only the problem.
        String prefix = e.subject() + ": " + path + ": ";
        if (message != null && message.startsWith(prefix)) message = message.substring(prefix.length());
        else if (message != null && message.startsWith(e.subject() + ": ")) message = message.substring(e.subject().length() + 2);
        return new SchemaViolation(pointer(path), message == null ? "" : message);
    }

    /** {@code $.a.b[2].c} → {@code /a/b/2/c}; {@code $} → {@code ""} (the whole message). */
    static String pointer(String path) {
        StringBuilder out = new StringBuilder();
        int i = path.startsWith("$") ? 1 : 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') end++;
                out.append('/').append(escape(path.substring(i + 1, end)));
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) end = path.length();
                out.append('/').append(escape(path.substring(i + 1, end)));
                i = end + 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
