package dev.provingground.server.evidence;

import dev.provingground.server.events.EventHub;
import dev.provingground.server.events.EventSink;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.Robot;
import dev.provingground.trackrecord.event.ClockSkew;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A robot clock that is off: one event when it starts and one when it clears, and its times put back on ours. */
class ClockSkewWatchTest {

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    private static final Robot ROBOT = new Robot("rb-1", "Acme", "A-1", "acme", "indoor-delivery", "DELIVERY", "test",
            null, T0, DispatchMode.SERVER);

    private final List<ClockSkew> recorded = new ArrayList<>();
    private final ClockSkewWatch watch;

    ClockSkewWatchTest() {
        EventHub hub = new EventHub();
        hub.addSink((TrackEvent event, byte[] json) -> {
            recorded.add((ClockSkew) event.body());
            return EventSink.DONE;
        });
        watch = new ClockSkewWatch(hub, Duration.ofSeconds(5));
    }

    private void state(int second, Duration robotAhead) {
        Instant at = T0.plusSeconds(second);
        State s = new State(0, at.plus(robotAhead), "2.1.0", "Acme", "A-1", List.of(), "", 0, null, "", 0, false, false,
                false, 0.0, null, List.of(), List.of(), null, null, List.of(), List.of(), null, List.of(), List.of(), null);
        watch.stateReceived(ROBOT, s, null, at);
    }

    @Test
    void aSkewStartsOnceClearsOnceAndDoesNotFlapAtTheThreshold() {
        state(0, Duration.ofSeconds(1));
        for (int s = 1; s <= 10; s++) state(s, Duration.ofMinutes(10));
        state(11, Duration.ofSeconds(4));
        assertThat(recorded).as("within the threshold but not within half of it: still skewed").hasSize(1);
        state(12, Duration.ofSeconds(1));

        assertThat(recorded).extracting(ClockSkew::phase)
                .containsExactly(ClockSkew.Phase.STARTED, ClockSkew.Phase.CLEARED);
        assertThat(recorded.get(0).skewSeconds()).isEqualTo(600.0);
        assertThat(recorded.get(1).durationSeconds()).isEqualTo(11.0);
    }

    @Test
    void aClockBehindIsSkewedAsOneAheadAndOneCenturiesOffIsSkewedToo() {
        state(0, Duration.ofSeconds(-4));
        assertThat(recorded).as("4 s behind is within the threshold").isEmpty();
        state(1, Duration.ofSeconds(-6));
        state(2, Duration.ofSeconds(-2));
        state(3, Duration.ofDays(-365L * 400));
        state(4, Duration.ofMillis(-3));

        assertThat(recorded).extracting(ClockSkew::phase).containsExactly(ClockSkew.Phase.STARTED,
                ClockSkew.Phase.CLEARED, ClockSkew.Phase.STARTED, ClockSkew.Phase.CLEARED);
        assertThat(recorded.get(0).skewSeconds()).isEqualTo(-6.0);
        assertThat(recorded.get(2).skewSeconds()).isEqualTo(-365.0 * 400 * 86400);
    }

    @Test
    void whileSkewedTheRobotsTimesArePutBackOnServerTime() {
        Instant robotTime = T0.plusSeconds(3).plus(Duration.ofMinutes(10));
        assertThat(watch.onServerTime("rb-1", robotTime)).as("no skew known").isEqualTo(robotTime);
        state(5, Duration.ofMinutes(10));
        assertThat(watch.onServerTime("rb-1", robotTime)).isEqualTo(T0.plusSeconds(3));
    }
}
