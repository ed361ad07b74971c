package dev.provingground.vda5050;

/**
 * Reads the decimal numbers robots write (at most 15 significant digits, a small exponent: {@code 12.125},
 * {@code -0.875}, {@code 1e-3}) from the parser's buffer without building text. Jackson's own
 * {@code getDoubleValue()} first copies each number into a string and hands it to {@link Double#parseDouble}, two
 * allocations per coordinate.
 *
 * <p>Exact by construction (Clinger's fast path): such a number is an integer {@code m < 2^53} times a power of ten
 * {@code 10^k} with {@code |k| <= 22}; both are exact doubles, so one IEEE multiplication or division rounds the
 * true value correctly — the one double {@link Double#parseDouble} returns. Any other number answers NaN (which no
 * JSON number is) and the caller parses it fully.
 */
final class ShortDecimals {

    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
            1e19, 1e20, 1e21, 1e22};

    private ShortDecimals() {
    }

    /** The number written in {@code text[offset, offset + length)} (JSON number syntax), or NaN when not short. */
    static double parse(char[] text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = i < end && text[i] == '-';
        if (negative) i++;
        long significand = 0;
        int digits = 0;
        int scale = 0;
        for (; i < end && isDigit(text[i]); i++) {
            significand = significand * 10 + (text[i] - '0');
            if (significand != 0) digits++;
        }
        if (i < end && text[i] == '.') {
            for (i++; i < end && isDigit(text[i]); i++) {
                significand = significand * 10 + (text[i] - '0');
                if (significand != 0) digits++;
                scale--;
            }
        }
        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            boolean negativeExponent = i < end && text[i] == '-';
            if (i < end && (text[i] == '-' || text[i] == '+')) i++;
            int exponent = 0;
            for (; i < end && isDigit(text[i]); i++) {
                exponent = exponent * 10 + (text[i] - '0');
                if (exponent > 1_000) return Double.NaN;
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != end || digits > MAX_DIGITS || scale < -22 || scale > 22) return Double.NaN;
        double value = scale >= 0 ? significand * POWERS_OF_TEN[scale] : significand / POWERS_OF_TEN[-scale];
        return negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
