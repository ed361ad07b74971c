package dev.provingground.vda5050;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class UtcTimestampsTest {

    private static Instant full(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void everyPlainUtcTimestampReadsAsTheFullIsoParserReadsIt() {
        Random random = new Random(5050);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
            String iso = at.toString();
            // Instant.toString writes 0, 3, 6 or 9 fractional digits; cut to any length from none to nine.
            int dot = iso.indexOf('.');
            String seconds = dot < 0 ? iso.substring(0, iso.length() - 1) : iso.substring(0, dot);
            String fraction = dot < 0 ? "" : iso.substring(dot + 1, iso.length() - 1);
            int keep = random.nextInt(10);
            String text = seconds + (keep == 0 || fraction.isEmpty() ? "" : "." + (fraction + "000000000").substring(0, keep)) + "Z";
            Instant expected = full(text);
            if (expected == null) continue;
            assertThat(UtcTimestamps.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void anythingButThePlainFormIsLeftToTheFullParser() {
        for (String text : List.of("2026-02-29T10:00:00Z", "2024-02-30T10:00:00.000Z", "2026-11-22T24:00:00.000Z",
                "2026-11-22T03:60:00.000Z", "2026-11-22T03:47:60Z", "2026-11-22T03:47:46.1234567890Z",
                "2026-11-22T03:47:46.Z", "2026-11-22T03:47:46.123+01:00", "2026-11-22T03:47Z", "2026-11-22 03:47:46Z",
                "+2026-11-22T03:47:46Z", "2026-1a-22T03:47:46.123Z", "2026-13-22T03:47:46.123Z")) {
            assertThat(UtcTimestamps.parse(text)).as(text).isNull();
        }
        assertThat(UtcTimestamps.parse("2024-02-29T23:59:59.999999999Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
        assertThat(UtcTimestamps.parse("1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
    }
}
