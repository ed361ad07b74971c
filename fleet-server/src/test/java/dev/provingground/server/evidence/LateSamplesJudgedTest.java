package dev.provingground.server.evidence;

import dev.provingground.server.events.EventHub;
import dev.provingground.server.events.EventSink;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.Robot;
import dev.provingground.trackrecord.event.PositionJump;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** States a robot kept while its link was down are judged like live ones, on server time. */
class LateSamplesJudgedTest {

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    private static final Duration AHEAD = Duration.ofMinutes(10);
    private static final Robot ROBOT = new Robot("rb-1", "Acme", "A-1", "acme", "indoor-delivery", "DELIVERY", "test",
            null, T0, DispatchMode.SERVER);

    private final List<TrackEvent> recorded = new ArrayList<>();
    private final BackfillSampler sampler;

    LateSamplesJudgedTest() {
        EventHub hub = new EventHub();
        hub.addSink((TrackEvent event, byte[] json) -> {
            recorded.add(event);
            return EventSink.DONE;
        });
        // The robot's clock runs ten minutes ahead, and the skew watch knows it.
        sampler = new BackfillSampler(hub, (robot, position) -> StateSamples.AreaClass.INDOOR,
                (robot, time) -> time.minus(AHEAD), new MotionJudge(Duration.ofSeconds(1), 1.0),
                robot -> new MotionLimits(0.76, 0.5), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(2));
    }

    /** A state taken {@code second}s after T0 by the server's clock, without a velocity. */
    private void lateState(int second, double x) {
        State s = new State(0, T0.plusSeconds(second).plus(AHEAD), "2.1.0", "Acme", "A-1", List.of(), "", 0, null, "", 0,
                false, false, false, 0.0, null, List.of(), List.of(), AgvPosition.of(x, 0, 0, "L1"), null, List.of(),
                List.of(), null, List.of(), List.of(), null);
        sampler.lateState(ROBOT, s, T0.plusSeconds(600));
    }

    @Test
    void aJumpAmongLateStatesIsRecordedAndMarkedAndTheirTimesAreServerTimes() {
        for (int s = 0; s <= 10; s++) lateState(s, s * 0.5);
        lateState(11, 25);
        lateState(12, 25.5);
        sampler.flushAll();

        PositionJump jump = recorded.stream().map(TrackEvent::body).filter(PositionJump.class::isInstance)
                .map(PositionJump.class::cast).findFirst().orElseThrow();
        assertThat(jump.displacement()).isEqualTo(20.0);
        List<StateSamples.Sample> samples = recorded.stream().map(TrackEvent::body)
                .filter(StateSamples.class::isInstance).map(StateSamples.class::cast)
                .flatMap(b -> b.samples().stream()).toList();
        assertThat(samples).hasSize(13);
        assertThat(samples.get(0).time()).as("on server time").isEqualTo(T0);
        assertThat(samples).filteredOn(StateSamples.Sample::afterJump).extracting(StateSamples.Sample::x)
                .containsExactly(25.0);
        assertThat(samples.get(10).speed()).as("no velocity reported: the speed from positions")
                .isCloseTo(0.5, within(1e-9));
    }
}
