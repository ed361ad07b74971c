package dev.provingground.server.auth;

import dev.provingground.server.config.LoginConfig;
import dev.provingground.server.time.VirtualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-12-01T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginConfig(3, 60_000, 1_000, 8_000), time.clock());

    @Test
    void anAddressIsBlockedAfterTheThirdFailureInTheWindowAndOnlyThatAddress() {
        assertThat(throttle.failed("10.0.0.1")).isZero();
        assertThat(throttle.failed("10.0.0.1")).isZero();
        assertThat(throttle.blockedFor("10.0.0.1")).isZero();

        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("10.0.0.2")).isZero();

        time.advanceBy(Duration.ofMillis(1000));
        assertThat(throttle.blockedFor("10.0.0.1")).isZero();
    }

    @Test
    void failuresSpreadWiderThanTheWindowBlockNothing() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.failed("10.0.0.1")).isZero();
            if (i % 2 == 1) time.advanceBy(Duration.ofSeconds(61));
        }
    }

    @Test
    void eachFurtherBlockDoublesUpToTheLongest() {
        Duration[] blocks = new Duration[6];
        for (int b = 0; b < blocks.length; b++) {
            throttle.failed("10.0.0.1");
            throttle.failed("10.0.0.1");
            blocks[b] = throttle.failed("10.0.0.1");
            time.advanceBy(blocks[b]);
        }
        assertThat(blocks).extracting(Duration::toMillis).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 8_000L, 8_000L);
    }

    @Test
    void anAddressQuietForTheLongestBlockStartsAgainFromTheFirst() {
        for (int b = 0; b < 3; b++) {
            throttle.failed("10.0.0.1");
            throttle.failed("10.0.0.1");
            time.advanceBy(throttle.failed("10.0.0.1"));
        }
        time.advanceBy(Duration.ofMillis(8_001));
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aFloodFromMoreAddressesThanItRemembersForgetsTheLeastRecentlySeen() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESSES + 500; i++) throttle.failed("addr-" + i);
        assertThat(throttle.remembered()).isEqualTo(LoginThrottle.MAX_ADDRESSES);
    }
}
