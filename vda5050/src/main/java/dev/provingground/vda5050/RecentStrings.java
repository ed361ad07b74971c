package dev.provingground.vda5050;

/**
 * The short strings robots repeat in message after message — protocol version, manufacturer, map id, action ids —
 * handed out again instead of built anew from the parser's buffer each time. Safe to share between threads without
 * a lock: a slot holds an immutable string, and two threads racing for a slot cost one of them a miss, never a
 * wrong string. Equal text gives an equal string either way; only the garbage differs.
 */
final class RecentStrings {

    private static final int SLOTS = 1024;
    /** Longer text (descriptions) rarely repeats exactly; it is built every time. */
    private static final int MAX_LENGTH = 40;

    private final String[] slots = new String[SLOTS];

    String of(char[] chars, int offset, int length) {
        if (length == 0) {
            return "";
        }
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        String recent = slots[slot];
        if (recent != null && holds(recent, chars, offset, length)) {
            return recent;
        }
        String made = new String(chars, offset, length);
        slots[slot] = made;
        return made;
    }

    private static boolean holds(String recent, char[] chars, int offset, int length) {
        if (recent.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (recent.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
