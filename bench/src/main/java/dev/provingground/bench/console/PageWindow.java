package dev.provingground.bench.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the console page did during one measured window.
 *
 * @param robots          robots on the level shown, each with a marker when the window began
 * @param seconds         length of the window (wall clock)
 * @param longTasks       every long task (50 ms or more, as the browser defines it) in the window
 * @param busy            time the page's main thread spent in the window running tasks, long or short, and of that
 *                        in script, style and layout
 * @param rendererCpu     CPU seconds the browser's renderer used in the window, when the system tells
 * @param slices          for each slice of the window, how many markers moved in it and how many robots the server
 *                        saw move
 */
record PageWindow(int robots, double seconds, List<LongTask> longTasks, ConsoleBrowser.MainThread busy,
                  Optional<Double> rendererCpu, List<Slice> slices) {

    /** Long tasks are those of at least this length (the Long Tasks API's threshold). */
    static final double LONG_TASK_MILLIS = 50;
    /** A slice counts as moving when at least this share of the robots the server saw move moved on the page too. */
    static final double MOVING_SHARE = 0.5;

    /** One slice of the window: markers that changed position on the page, robots whose report did on the server. */
    record Slice(int markersMoved, int robotsMoved) {

        boolean markersFollowed() {
            return robotsMoved > 0 && markersMoved >= MOVING_SHARE * robotsMoved;
        }

        @Override
        public String toString() {
            return markersMoved + "/" + robotsMoved;
        }
    }

    /** A long task: when it began, in milliseconds since the window began, and how long it held the thread. */
    record LongTask(double startMillis, double millis) {
    }

    PageWindow {
        longTasks = List.copyOf(longTasks);
        slices = List.copyOf(slices);
    }

    int longTaskCount() {
        return longTasks.size();
    }

    /** The nearest-rank percentile of the long tasks' durations; 0 when there was none. */
    double longTaskPercentile(double p) {
        return percentile(longTasks.stream().map(LongTask::millis).toList(), p);
    }

    /**
     * The nearest-rank percentile, over every second of the window, of the longest task that began in it (0 for a
     * second without a long task). Unlike {@link #longTaskPercentile}, which sees only the long tasks and so is set by
     * a single one when a window has one or two, this says how much of the time the page was held up: under 50 ms
     * at p95 means at least 95 % of its seconds had no long task.
     */
    double perSecondPercentile(double p) {
        return percentile(longestPerSecond(), p);
    }

    /** Seconds of the window in which at least one long task began. */
    int secondsWithLongTasks() {
        return (int) longestPerSecond().stream().filter(ms -> ms > 0).count();
    }

    /** Each second of the window (the last one may be partial): the longest task that began in it, or 0. */
    private List<Double> longestPerSecond() {
        int count = Math.max(1, (int) Math.ceil(seconds));
        double[] longest = new double[count];
        for (LongTask t : longTasks) {
            int second = Math.min(count - 1, Math.max(0, (int) (t.startMillis() / 1000)));
            longest[second] = Math.max(longest[second], t.millis());
        }
        return java.util.Arrays.stream(longest).boxed().toList();
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) return 0;
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    double longestMillis() {
        return longTaskPercentile(100);
    }

    /** Total blocking time: what the long tasks held the thread beyond 50 ms each, as Lighthouse counts it. */
    double blockedMillis() {
        return longTasks.stream().mapToDouble(t -> Math.max(0, t.millis() - LONG_TASK_MILLIS)).sum();
    }

    /** The share of the window the main thread was busy, 0..1. */
    double busyShare() {
        return busy.tasks() / seconds;
    }

    /** In every slice, robots moved and the page moved at least half as many of their markers. */
    boolean markersKeptMoving() {
        return !slices.isEmpty() && slices.stream().allMatch(Slice::markersFollowed);
    }

    /** Renderer CPU per second of the window, in cores (0.5 = half a core). */
    Optional<Double> rendererCores() {
        return rendererCpu.map(cpu -> cpu / seconds);
    }

    String describe() {
        return String.format(Locale.ROOT, "%d long tasks, p50 %.1f / p95 %.1f / max %.1f ms, %.0f ms blocked, "
                        + "longest task per second p95 %.1f ms (%d of %d s with a long task), main thread busy %.1f%% (script %.1f%%, style %.1f%%, layout %.1f%%), renderer CPU %s, markers "
                        + "moved / robots moved per slice %s of %d",
                longTaskCount(), longTaskPercentile(50), longTaskPercentile(95), longestMillis(), blockedMillis(),
                perSecondPercentile(95), secondsWithLongTasks(), (int) Math.ceil(seconds),
                busyShare() * 100, busy.script() / seconds * 100, busy.style() / seconds * 100,
                busy.layout() / seconds * 100,
                rendererCores().map(c -> String.format(Locale.ROOT, "%.2f cores", c)).orElse("unknown"), slices, robots);
    }
}
