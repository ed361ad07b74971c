package dev.provingground.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageWindowTest {

    private static final ConsoleBrowser.MainThread IDLE = new ConsoleBrowser.MainThread(0, 0, 0, 0);

    private static PageWindow window(List<Double> longTasks, PageWindow.Slice... slices) {
        return new PageWindow(1000, 30, longTasks.stream().map(ms -> new PageWindow.LongTask(0, ms)).toList(), IDLE,
                Optional.empty(), List.of(slices));
    }

    @Test
    void theP95IsTheNearestRankOfTheLongTasksAndBlockedTimeCountsWhatEachHeldBeyondFiftyMilliseconds() {
        List<Double> tasks = List.of(60.0, 51.0, 55.0, 52.0, 53.0, 54.0, 56.0, 57.0, 58.0, 59.0, 51.0, 52.0, 53.0,
                54.0, 55.0, 56.0, 57.0, 58.0, 59.0, 200.0);
        PageWindow w = window(tasks, new PageWindow.Slice(10, 10));

        assertThat(w.longTaskCount()).isEqualTo(20);
        assertThat(w.longTaskPercentile(95)).isEqualTo(60.0);
        assertThat(w.longestMillis()).isEqualTo(200.0);
        assertThat(w.blockedMillis()).isEqualTo(tasks.stream().mapToDouble(d -> d - 50).sum());
    }

    @Test
    void aPageWithoutLongTasksHasAP95OfZero() {
        PageWindow w = window(List.of(), new PageWindow.Slice(10, 10));

        assertThat(w.longTaskPercentile(95)).isZero();
        assertThat(w.blockedMillis()).isZero();
    }

    @Test
    void perSecondTheLongestTaskCountsAndSecondsWithoutOneCountAsZero() {
        // 30 s; long tasks in seconds 0 (two), 10 and 29.9; the other 27 seconds had none.
        List<PageWindow.LongTask> tasks = List.of(new PageWindow.LongTask(100, 60), new PageWindow.LongTask(900, 80),
                new PageWindow.LongTask(10_500, 55), new PageWindow.LongTask(29_900, 120));
        PageWindow w = new PageWindow(1000, 30, tasks, IDLE, Optional.empty(), List.of(new PageWindow.Slice(10, 10)));

        assertThat(w.secondsWithLongTasks()).isEqualTo(3);
        // Nearest rank 95 of 30 seconds is the 29th smallest: 80 ms (the seconds sorted: 27 zeros, 55, 80, 120).
        assertThat(w.perSecondPercentile(95)).isEqualTo(80.0);
        assertThat(w.perSecondPercentile(50)).isZero();
        assertThat(w.longTaskPercentile(95)).isEqualTo(120.0);
    }

    @Test
    void aWindowWithOneLongTaskHasAPerSecondP95OfZero() {
        PageWindow w = new PageWindow(1000, 30, List.of(new PageWindow.LongTask(5_000, 290)), IDLE, Optional.empty(),
                List.of(new PageWindow.Slice(10, 10)));

        assertThat(w.perSecondPercentile(95)).isZero();
        assertThat(w.longTaskPercentile(95)).isEqualTo(290.0);
    }

    @Test
    void markersKeepMovingOnlyWhileAtLeastHalfAsManyMoveAsTheServerSawRobotsMoveInEverySlice() {
        assertThat(window(List.of(), new PageWindow.Slice(500, 1000), new PageWindow.Slice(300, 300))
                .markersKeptMoving()).isTrue();
        assertThat(window(List.of(), new PageWindow.Slice(1000, 1000), new PageWindow.Slice(499, 1000))
                .markersKeptMoving()).isFalse();
    }

    @Test
    void aSliceInWhichNoRobotMovedDoesNotCountAsMoving() {
        assertThat(window(List.of(), new PageWindow.Slice(0, 0)).markersKeptMoving()).isFalse();
        assertThat(window(List.of()).markersKeptMoving()).isFalse();
    }
}
