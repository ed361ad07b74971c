package dev.provingground.server.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes instants exactly as {@link Instant#toString()} does, for one writer thread at a time, at a fraction of the
 * cost: the date and time of the last second written are kept, since thousands of robots in one list report within
 * the same few seconds. {@code Instant.toString} was a third of the time of writing the robot list.
 */
final class InstantText {

    /** 10000-01-01T00:00:00Z: from there on ISO-8601 needs a sign and more digits; left to the JDK. */
    private static final long YEAR_10000 = 253_402_300_800L;

    private final char[] chars = new char[32];
    private long second = Long.MIN_VALUE;

    /** Null for null; otherwise what {@code at.toString()} gives. */
    String of(Instant at) {
        if (at == null) return null;
        long epochSecond = at.getEpochSecond();
        if (epochSecond < 0 || epochSecond >= YEAR_10000) return at.toString();
        if (epochSecond != second) {
            writeDateTime(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC));
            second = epochSecond;
        }
        int length = 19;
        int nanos = at.getNano();
        if (nanos > 0) {
            chars[length++] = '.';
            // Groups of three digits, as many as the nanoseconds need (ISO_INSTANT's rule).
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            int divisor = 100_000_000;
            for (int i = 0; i < digits; i++) {
                chars[length++] = (char) ('0' + nanos / divisor % 10);
                divisor /= 10;
            }
        }
        chars[length++] = 'Z';
        return new String(chars, 0, length);
    }

    private void writeDateTime(LocalDateTime t) {
        digits(0, t.getYear(), 4);
        chars[4] = '-';
        digits(5, t.getMonthValue(), 2);
        chars[7] = '-';
        digits(8, t.getDayOfMonth(), 2);
        chars[10] = 'T';
        digits(11, t.getHour(), 2);
        chars[13] = ':';
        digits(14, t.getMinute(), 2);
        chars[16] = ':';
        digits(17, t.getSecond(), 2);
    }

    private void digits(int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            chars[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
