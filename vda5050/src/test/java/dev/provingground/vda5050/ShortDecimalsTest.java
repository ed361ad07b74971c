package dev.provingground.vda5050;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ShortDecimalsTest {

    private static double parse(String text) {
        return ShortDecimals.parse(text.toCharArray(), 0, text.length());
    }

    @Test
    void everyShortDecimalReadsToTheDoubleThatDoubleParseDoubleGives() {
        Random random = new Random(5050);
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = randomJsonNumber(random);
            double value = parse(text);
            if (!Double.isNaN(value)) {
                assertThat(Double.doubleToRawLongBits(value)).as(text)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
                read++;
            }
        }
        assertThat(read).isGreaterThan(100_000);
    }

    @Test
    void typicalRobotNumbersAreReadAndLongOrExtremeOnesLeftToTheFullParser() {
        for (String text : List.of("12.125", "-0.875", "0.0", "-0.0", "80.0", "1e-3", "1E2", "2.5e+3", "5400.0",
                "0.30000000000000", "123456789012345", "1e22", "1e-22", "-0e5")) {
            assertThat(Double.doubleToRawLongBits(parse(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        for (String text : List.of("0.30000000000000004", "1234567890123456", "1e23", "1e-23", "1e400", "1e-400",
                "9007199254740993", "1" + "0".repeat(30) + ".5")) {
            assertThat(parse(text)).as(text).isNaN();
        }
    }

    /** Integer part, optional fraction and exponent, as JSON writes numbers; lengths around the 15-digit limit. */
    private static String randomJsonNumber(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) text.append('-');
        int intDigits = random.nextInt(10);
        text.append(intDigits == 0 ? "0" : Long.toString(1 + (long) (random.nextDouble() * Math.pow(10, intDigits) - 1)));
        if (random.nextInt(4) > 0) {
            int fractionDigits = 1 + random.nextInt(12);
            text.append('.');
            for (int i = 0; i < fractionDigits; i++) text.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextInt(4) == 0) {
            text.append(random.nextBoolean() ? 'e' : 'E');
            int sign = random.nextInt(3);
            if (sign == 1) text.append('-');
            if (sign == 2) text.append('+');
            text.append(random.nextInt(30));
        }
        if (random.nextInt(10) == 0) {
            return String.format(Locale.ROOT, "%.17g", random.nextDouble() * 1000).replace("+", "");
        }
        return text.toString();
    }
}
