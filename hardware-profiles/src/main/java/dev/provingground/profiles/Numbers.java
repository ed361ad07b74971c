package dev.provingground.profiles;

import java.math.BigDecimal;

/** Formats figures for error messages the way a person wrote them: -3 rather than -3.0. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
