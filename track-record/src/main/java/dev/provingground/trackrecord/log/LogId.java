package dev.provingground.trackrecord.log;

import java.util.regex.Pattern;

/**
 * One append-only log: a firm's log at a site ({@code firm} set), or the site log for site-wide events
 * ({@code firm == null}). Identifiers are 1–64 characters of {@code [A-Za-z0-9._-]} starting with a letter or digit,
 * so they are safe as checkpoint origin parts and directory names.
 */
public record LogId(String site, String firm) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String ORIGIN_PREFIX = "proving-ground/";

    public LogId {
        requireIdentifier(site, "site");
        if (firm != null) {
            requireIdentifier(firm, "firm");
        }
    }

    public static LogId siteLog(String site) {
        return new LogId(site, null);
    }

    public static LogId firmLog(String site, String firm) {
        if (firm == null) {
            throw new IllegalArgumentException("firm must not be null for a firm log; use siteLog for the site log");
        }
        return new LogId(site, firm);
    }

    public boolean isSiteLog() {
        return firm == null;
    }

    /** Checkpoint origin: {@code proving-ground/<site>} or {@code proving-ground/<site>/<firm>}. */
    public String origin() {
        return ORIGIN_PREFIX + site + (firm == null ? "" : "/" + firm);
    }

    public static LogId fromOrigin(String origin) {
        if (origin == null || !origin.startsWith(ORIGIN_PREFIX)) {
            throw new IllegalArgumentException("origin must start with '" + ORIGIN_PREFIX + "': " + origin);
        }
        String[] parts = origin.substring(ORIGIN_PREFIX.length()).split("/", -1);
        if (parts.length == 1) {
            return new LogId(parts[0], null);
        }
        if (parts.length == 2) {
            return new LogId(parts[0], parts[1]);
        }
        throw new IllegalArgumentException("origin must be proving-ground/<site>[/<firm>]: " + origin);
    }

    public static boolean isIdentifier(String value) {
        return value != null && IDENTIFIER.matcher(value).matches();
    }

    private static void requireIdentifier(String value, String field) {
        if (!isIdentifier(value)) {
            throw new IllegalArgumentException(field + " must be 1-64 characters of [A-Za-z0-9._-] starting with a letter "
                    + "or digit, got " + (value == null ? "null" : "'" + value + "'"));
        }
    }

    @Override
    public String toString() {
        return origin();
    }
}
