package dev.provingground.documents;

import java.util.regex.Pattern;

/**
 * The one grammar every id follows (site, level, waypoint, zone, firm, robot, task, elevator, car, order...): 1 to 64
 * characters, letters, digits, '.', '_' and '-', starting with a letter or digit. It is the track record's log id
 * grammar, so an id accepted here can always name a log, a file or an MQTT topic level; '/', '..' at the start,
 * spaces and control characters never pass. The published schemas use {@link #REGEX} for every id field.
 */
public final class IdGrammar {

    public static final String REGEX = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    public static final int MAX_LENGTH = 64;
    /** What an id is, in words, for refusals. */
    public static final String RULE = "an id is 1-64 letters, digits, '.', '_' and '-', starting with a letter or digit";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private IdGrammar() {
    }

    public static boolean matches(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** Why {@code id} is not an id, or null when it is one. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) return "an id must not be empty";
        if (id.length() > MAX_LENGTH) return "an id has at most " + MAX_LENGTH + " characters, this has " + id.length();
        if (!matches(id)) return RULE;
        return null;
    }
}
