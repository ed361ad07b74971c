package dev.provingground.server.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class InstantTextTest {

    @Test
    void everyInstantIsWrittenAsInstantToStringWritesIt() {
        InstantText text = new InstantText();
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 200_000; i++) {
            long second = switch (i % 4) {
                case 0 -> random.nextLong(-100_000_000_000L, 400_000_000_000L); // before 1970 and after 9999 too
                case 1 -> 1_796_000_000L + random.nextInt(5); // a few seconds over and over, as a fleet's list has
                default -> random.nextLong(0, 253_402_300_800L);
            };
            int nanos = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(second, nanos);
            assertThat(text.of(at)).as("%s", at).isEqualTo(at.toString());
        }
    }

    @Test
    void theEdgesOfTheFastPathAreWrittenAsTheJdkWritesThem() {
        InstantText text = new InstantText();
        for (Instant at : new Instant[]{Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MIN, Instant.MAX, Instant.parse("2026-12-07T00:00:00.100Z")}) {
            assertThat(text.of(at)).isEqualTo(at.toString());
        }
        assertThat(text.of(null)).isNull();
    }
}
