package dev.provingground.server.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualSchedulerTest {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    final VirtualScheduler scheduler = new VirtualScheduler(START);
    final List<String> ran = new ArrayList<>();

    private Runnable note(String what) {
        return () -> ran.add(what + " at +" + Duration.between(START, scheduler.clock().instant()).toMillis());
    }

    @Test
    void nothingRunsUntilTheTestMovesTheClockAndThenEverythingDueRunsInTimeOrderAtItsOwnTime() {
        scheduler.once(Duration.ofMillis(300), note("late"));
        scheduler.once(Duration.ofMillis(100), note("early"));
        scheduler.periodic(Duration.ofMillis(150), note("tick"));
        assertThat(ran).isEmpty();

        scheduler.advanceBy(Duration.ofMillis(350));

        // A periodic task's next run is scheduled when its previous one starts: at +150, after "late".
        assertThat(ran).containsExactly("early at +100", "tick at +150", "late at +300", "tick at +300");
        assertThat(scheduler.clock().instant()).isEqualTo(START.plusMillis(350));
    }

    @Test
    void tasksDueAtTheSameInstantRunInTheOrderTheyWereScheduled() {
        for (String name : List.of("c", "a", "b")) scheduler.once(Duration.ofSeconds(1), note(name));
        scheduler.advanceBy(Duration.ofSeconds(1));
        assertThat(ran).containsExactly("c at +1000", "a at +1000", "b at +1000");
    }

    @Test
    void aZeroDelayTaskRunsWhenDueTasksAreRunWithoutMovingTheClock() {
        scheduler.once(Duration.ZERO, note("soon"));
        scheduler.runDue();
        assertThat(ran).containsExactly("soon at +0");
    }

    @Test
    void aTaskScheduledByAnotherWithinTheStepRunsInTheSameStepIfDue() {
        scheduler.once(Duration.ofMillis(100), () -> {
            note("first").run();
            scheduler.once(Duration.ofMillis(50), note("second"));
            scheduler.once(Duration.ofMillis(500), note("later"));
        });
        scheduler.advanceBy(Duration.ofMillis(200));
        assertThat(ran).containsExactly("first at +100", "second at +150");
    }

    @Test
    void cancelledTasksDoNotRunAndAPeriodicTaskCanCancelItself() {
        long never = scheduler.once(Duration.ofMillis(100), note("never"));
        long[] tick = new long[1];
        tick[0] = scheduler.periodic(Duration.ofMillis(100), () -> {
            note("tick").run();
            if (ran.size() == 2) scheduler.cancel(tick[0]);
        });
        assertThat(scheduler.cancel(never)).isTrue();
        assertThat(scheduler.cancel(never)).as("already cancelled").isFalse();

        scheduler.advanceBy(Duration.ofSeconds(1));

        assertThat(ran).containsExactly("tick at +100", "tick at +200");
        assertThat(scheduler.pending()).isZero();
    }
}
