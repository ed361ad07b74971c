package dev.provingground.server.evidence;

import dev.provingground.trackrecord.event.PositionJump;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The server's own reading of motion: speed from positions, and changes no robot of the profile can make. */
class MotionJudgeTest {

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    /** indoor-delivery: 0.76 m/s, 0.5 m/s². */
    private static final MotionLimits LIMITS = new MotionLimits(0.76, 0.5);

    private final MotionJudge judge = new MotionJudge(Duration.ofSeconds(1), 1.0);

    private MotionJudge.Judgement at(double millis, double x) {
        return judge.observe("r1", "L1", x, 0, T0.plusMillis((long) millis), null, LIMITS);
    }

    @Test
    void reachAcceleratesUpToTheTopSpeedThenHoldsIt() {
        assertThat(LIMITS.reach(0, 1)).isCloseTo(0.25, within(1e-9));
        assertThat(LIMITS.reach(0.76, 2)).isCloseTo(1.52, within(1e-9));
        assertThat(LIMITS.reach(0, 10)).as("1.52 s to top speed, 0.5776 m, then 8.48 s at 0.76 m/s")
                .isCloseTo(0.5776 + 0.76 * 8.48, within(1e-9));
        assertThat(LIMITS.reach(5, 1)).as("a speed above the top counts as the top").isCloseTo(0.76, within(1e-9));
    }

    @Test
    void speedIsComputedOverAtLeastTwoSecondsSoBunchedReportsMakeNone() {
        assertThat(at(0, 0).computedSpeed()).isNull();
        assertThat(at(200, 0.5).computedSpeed()).as("200 ms is too short a baseline").isNull();
        assertThat(at(2000, 2.0).computedSpeed()).isCloseTo(1.0, within(1e-9));
        assertThat(at(2010, 2.01).computedSpeed()).as("the last figure stands").isCloseTo(1.0, within(1e-9));
        assertThat(at(4000, 3.0).computedSpeed()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aChangeBeyondTheReachPlusToleranceIsAJumpAndNoSpeed() {
        at(0, 0);
        at(1000, 0.5);
        at(2000, 1.0);
        MotionJudge.Judgement jump = at(3000, 21.0);
        PositionJump event = jump.jump();
        assertThat(event).isNotNull();
        assertThat(event.displacement()).isEqualTo(20.0);
        assertThat(event.elapsedSeconds()).isEqualTo(1.0);
        assertThat(event.plausibleLimit()).isCloseTo(LIMITS.reach(0.5, 2) + 1, within(1e-9));
        assertThat(jump.computedSpeed()).as("the speed from before stands; the jump is none").isCloseTo(0.5, within(1e-9));
        assertThat(at(5000, 22).computedSpeed()).as("measured afresh from where it landed").isCloseTo(0.5, within(1e-9));
    }

    @Test
    void thirtyPercentOverTheTopSpeedIsSpeedingNotJumping() {
        for (int s = 0; s <= 10; s++) assertThat(at(s * 1000, s * 0.988).jump()).isNull();
        assertThat(at(11_000, 10.868).computedSpeed()).isCloseTo(0.988, within(1e-9));
    }

    @Test
    void aNewMapOrAnUnknownProfileIsNeverAJump() {
        at(0, 0);
        assertThat(judge.observe("r1", "L2", 50, 0, T0.plusSeconds(1), null, LIMITS).jump()).isNull();
        assertThat(judge.observe("r1", "L2", 100, 0, T0.plusSeconds(2), null, null).jump()).isNull();
    }

    @Test
    void positionsDeliveredLateAndBunchedAfterAStallAreTimedByTheRobotsClockWhereItSaysMoreTimePassed() {
        // Driving at 0.76 m/s, a state a second; the states of seconds 1 to 3 arrive together at 3.0 s.
        MotionJudge timed = new MotionJudge(Duration.ofSeconds(1), 1.0);
        timed.observe("r1", "L1", 0, 0, T0, T0, LIMITS);
        for (int s = 1; s <= 3; s++)
            assertThat(timed.observe("r1", "L1", s * 0.76, 0, T0.plusMillis(3000 + s), T0.plusSeconds(s), LIMITS).jump())
                    .isNull();
        MotionJudge.Judgement next = null;
        for (int s = 4; s <= 7; s++)
            next = timed.observe("r1", "L1", s * 0.76, 0, T0.plusSeconds(s), T0.plusSeconds(s), LIMITS);
        assertThat(next.computedSpeed()).as("the robot's own times say how long it took").isCloseTo(0.76, within(1e-9));
    }
}
