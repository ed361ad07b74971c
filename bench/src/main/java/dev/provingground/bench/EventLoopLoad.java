package dev.provingground.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How busy a server's Vert.x event loops were over a window: the cores each {@code vert.x-eventloop-thread-N} used,
 * busiest first, from two readings of per-thread CPU time. Whether robot traffic was spread over the robot lanes.
 *
 * @param cores thread name to cores used
 */
public record EventLoopLoad(Map<String, Double> cores) {

    private static final String EVENT_LOOP = "vert.x-eventloop-thread-";
    /** An event loop that did less than this is not counted as carrying work. */
    private static final double BUSY = 0.1;

    public EventLoopLoad {
        cores = Collections.unmodifiableMap(new LinkedHashMap<>(cores));
    }

    /** No reading: a target that does not say (a broker). */
    public static EventLoopLoad none() {
        return new EventLoopLoad(Map.of());
    }

    /** CPU nanoseconds per thread name of this JVM now; threads of one name summed. */
    public static Map<String, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) cpu.merge(info.getThreadName(), nanos, Long::sum);
        }
        return cpu;
    }

    /** The event loops' cores between two readings of {@link #threadCpuNanos()} {@code seconds} apart. */
    public static EventLoopLoad between(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        after.entrySet().stream()
                .filter(e -> e.getKey().startsWith(EVENT_LOOP))
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e9 / seconds))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> cores.put(e.getKey(), e.getValue()));
        return new EventLoopLoad(cores);
    }

    /** Event loops that did at least a tenth of a core's work: over how many the work was spread. */
    public long busy() {
        return cores.values().stream().filter(c -> c >= BUSY).count();
    }

    /** The busiest event loop's cores; 0 when none was seen. */
    public double busiest() {
        return cores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** {@code 2 0.82, 1 0.69, 0 0.00}: each loop by its number and its cores, busiest first. */
    @Override
    public String toString() {
        if (cores.isEmpty()) return "none seen";
        return cores.entrySet().stream()
                .map(e -> e.getKey().substring(EVENT_LOOP.length()) + String.format(Locale.ROOT, " %.2f", e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
