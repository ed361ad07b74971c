package dev.provingground.bench.ingest;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How often the server's JVM could not run a task when it should: a task planned every {@link #TICK_MILLIS} ms on
 * each of Vert.x's event loops and on one plain thread, counted by how late it ran. A zone crossing waits as long as
 * its robot's event loop is late, so these say what the enforcement tail is made of: late on a plain thread too, the
 * whole JVM was held (a garbage collection, a safepoint, or no core free for it); late on an event loop alone, that
 * loop was busy, or, busy, waited for a core (a thread that sleeps between ticks, as the plain one does, is given a
 * core ahead of one that runs on). Each loop also reads, once a second, how long the kernel kept it waiting for a core
 * while it could run ({@code /proc/thread-self/schedstat}; Linux): the direct measure of a machine whose cores are
 * shared. Bench code in the server's child JVM; written to a file once a second (counts so far, by bound) so the
 * harness can take the difference over its window without reaching into the server. Read by {@link #read}.
 */
final class StallFile {

    /**
     * Each tick wakes its event loop: every 2 ms that cost an idle loop 0.03 cores on the 2-core machine (`bench
     * ingest`, 2026-12-07); every 5 ms wakes it 2.5 times less often, and the smallest bound counted is 10 ms anyway.
     */
    static final int TICK_MILLIS = 5;
    /** A tick counts under every bound it was at least this late. */
    static final List<Integer> BOUNDS_MILLIS = List.of(10, 20, 50, 100, 200);
    /** Every this many ticks (a second) a loop reads its own scheduler statistics. */
    private static final int TICKS_PER_SCHEDSTAT = 1000 / TICK_MILLIS;
    private static final Path OWN_SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

    private StallFile() {
    }

    /**
     * Counts of ticks at least each bound late, on the event loops (all together) and on the plain thread; and over
     * the event loops' gaps of the smallest bound or more, their length and the CPU time the loop used in them: a loop
     * that ran through its gap was busy, one that did not was held or waited for a core.
     */
    record Stalls(long[] eventLoops, long[] plainThread, long lateGapNanos, long lateGapCpuNanos, CoreWait coreWait) {

        static final Stalls NONE = new Stalls(new long[BOUNDS_MILLIS.size()], new long[BOUNDS_MILLIS.size()], 0, 0,
                CoreWait.UNKNOWN);

        Stalls since(Stalls earlier) {
            if (this == NONE) return NONE;
            return new Stalls(minus(eventLoops, earlier.eventLoops), minus(plainThread, earlier.plainThread),
                    lateGapNanos - earlier.lateGapNanos, lateGapCpuNanos - earlier.lateGapCpuNanos,
                    coreWait.since(earlier.coreWait));
        }

        boolean measured() {
            return this != NONE;
        }

        /**
         * E.g. {@code on the event loops 120/40/8/1/0 times, on a plain thread 30/12/2/0/0 times; in their late gaps
         * the event loops ran 42 % of the time}.
         */
        String describe() {
            String counts = "on the event loops " + counts(eventLoops) + " times, on a plain thread "
                    + counts(plainThread) + " times";
            if (lateGapNanos != 0)
                counts = String.format(Locale.ROOT, "%s; in their late gaps the event loops ran %.0f %% of the time",
                        counts, 100.0 * lateGapCpuNanos / lateGapNanos);
            return coreWait.measured() ? counts + "; " + coreWait.describe() : counts;
        }

        private static String counts(long[] c) {
            return IntStream.range(0, c.length).mapToObj(i -> Long.toString(c[i])).collect(Collectors.joining("/"));
        }

        private static long[] minus(long[] a, long[] b) {
            return IntStream.range(0, a.length).mapToLong(i -> a[i] - b[i]).toArray();
        }
    }

    /**
     * The event loops' scheduler statistics summed over the loops: nanoseconds they ran and waited on a run queue
     * (able to run, no core given), at a time ({@code System.nanoTime()}) with so many loops reporting.
     */
    record CoreWait(int loops, long atNanos, long ranNanos, long waitedNanos) {

        static final CoreWait UNKNOWN = new CoreWait(0, 0, 0, 0);

        boolean measured() {
            return loops > 0 && atNanos > 0;
        }

        CoreWait since(CoreWait earlier) {
            if (!measured() || !earlier.measured() || loops != earlier.loops) return UNKNOWN;
            return new CoreWait(loops, atNanos - earlier.atNanos, ranNanos - earlier.ranNanos,
                    waitedNanos - earlier.waitedNanos);
        }

        /**
         * Over a window ({@code atNanos} its length), summed over the loops: e.g. {@code the 4 event loops ran 0.60
         * cores and waited for a core 1.08 s of each second (the kernel's run-queue wait, summed)}; each loop reads its
         * own statistics once a second, so the window is known to about a second.
         */
        String describe() {
            double window = atNanos;
            return String.format(Locale.ROOT, "the %d event loops ran %.2f cores and waited for a core %.2f s of each "
                    + "second (the kernel's run-queue wait, summed)", loops, ranNanos / window, waitedNanos / window);
        }
    }

    /** The bounds as the harness prints them: {@code >=10/20/50/100/200 ms}. */
    static String bounds() {
        return ">=" + BOUNDS_MILLIS.stream().map(String::valueOf).collect(Collectors.joining("/")) + " ms";
    }

    /** Starts the ticks on every event loop of {@code vertx} and on a daemon thread, and rewrites {@code file} each second. */
    static void startWriting(Vertx vertx, Path file) {
        AtomicLongArray loops = new AtomicLongArray(BOUNDS_MILLIS.size());
        AtomicLongArray plain = new AtomicLongArray(BOUNDS_MILLIS.size());
        // Length and CPU time of the event loops' late gaps, as in Stalls.
        AtomicLongArray gaps = new AtomicLongArray(2);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<EventExecutor> eventLoops = new ArrayList<>();
        ((VertxInternal) vertx).nettyEventLoopGroup().forEach(eventLoops::add);
        // Per loop, its run and run-queue nanoseconds since its first reading (on its own thread); -1 before that.
        AtomicLongArray schedstat = new AtomicLongArray(2 * eventLoops.size());
        for (int i = 0; i < eventLoops.size(); i++) {
            int index = i;
            schedstat.set(2 * i, -1);
            long[] last = {System.nanoTime(), -1, 0};
            long[][] firstSchedstat = {null};
            eventLoops.get(i).scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                long gap = now - last[0];
                if (count(loops, gap) && last[1] >= 0) {
                    gaps.addAndGet(0, gap);
                    gaps.addAndGet(1, cpu - last[1]);
                }
                last[0] = now;
                last[1] = cpu;
                if (last[2]++ % TICKS_PER_SCHEDSTAT == 0) {
                    long[] own = readOwnSchedstat();
                    if (own == null) return;
                    if (firstSchedstat[0] == null) firstSchedstat[0] = own;
                    schedstat.set(2 * index + 1, own[1] - firstSchedstat[0][1]);
                    schedstat.set(2 * index, own[0] - firstSchedstat[0][0]);
                }
            }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        Thread ticker = new Thread(() -> {
            long last = System.nanoTime();
            long written = last;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                count(plain, now - last);
                last = now;
                if (now - written >= 1_000_000_000L) {
                    written = now;
                    try {
                        write(file, loops, plain, gaps, coreWait(schedstat, now));
                    } catch (IOException | UncheckedIOException e) {
                        System.err.println("stall file: " + e.getMessage());
                    }
                }
            }
        }, "bench-stalls");
        ticker.setDaemon(true);
        ticker.start();
    }

    /**
     * Counts a tick that came {@code sinceLastTickNanos} after the one before it.
     *
     * @return whether it was late by the smallest bound or more
     */
    static boolean count(AtomicLongArray counts, long sinceLastTickNanos) {
        long lateMillis = (sinceLastTickNanos - TICK_MILLIS * 1_000_000L) / 1_000_000L;
        for (int i = 0; i < BOUNDS_MILLIS.size() && lateMillis >= BOUNDS_MILLIS.get(i); i++) counts.incrementAndGet(i);
        return lateMillis >= BOUNDS_MILLIS.get(0);
    }

    /**
     * The calling thread's scheduler statistics from {@code /proc/thread-self/schedstat}: nanoseconds it ran and
     * waited on a run queue; null where there are none (not Linux, or schedstats off).
     */
    static long[] readOwnSchedstat() {
        try {
            return parseSchedstat(Files.readString(OWN_SCHEDSTAT, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code "ran waited timeslices"} to {ran, waited}; null when it is not that. */
    static long[] parseSchedstat(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length < 2) return null;
        try {
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The loops' statistics summed, or {@link CoreWait#UNKNOWN} while one of them has not read them. */
    static CoreWait coreWait(AtomicLongArray schedstat, long atNanos) {
        long ran = 0;
        long waited = 0;
        for (int i = 0; i < schedstat.length() / 2; i++) {
            long loopRan = schedstat.get(2 * i);
            if (loopRan < 0) return CoreWait.UNKNOWN;
            ran += loopRan;
            waited += schedstat.get(2 * i + 1);
        }
        return new CoreWait(schedstat.length() / 2, atNanos, ran, waited);
    }

    /**
     * @param gaps     length and CPU time of the event loops' late gaps, nanoseconds
     * @param coreWait the event loops' scheduler statistics, or {@link CoreWait#UNKNOWN}
     */
    static void write(Path file, AtomicLongArray loops, AtomicLongArray plain, AtomicLongArray gaps,
                      CoreWait coreWait) throws IOException {
        String text = line("event-loops", loops) + line("plain-thread", plain) + line("event-loop-late-gaps", gaps)
                + line("event-loop-core-wait", new AtomicLongArray(new long[] {coreWait.loops(), coreWait.atNanos(),
                coreWait.ranNanos(), coreWait.waitedNanos()}));
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, text, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String line(String name, AtomicLongArray counts) {
        return name + IntStream.range(0, counts.length()).mapToObj(i -> "\t" + counts.get(i))
                .collect(Collectors.joining()) + "\n";
    }

    /** The counts as last written; {@link Stalls#NONE} before the first write. */
    static Stalls read(Path file) {
        try {
            if (!Files.exists(file)) return Stalls.NONE;
            long[] loops = null;
            long[] plain = null;
            long[] gaps = null;
            CoreWait coreWait = CoreWait.UNKNOWN;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                long[] counts = IntStream.range(1, f.length).mapToLong(i -> Long.parseLong(f[i])).toArray();
                if (f[0].equals("event-loops")) loops = counts;
                else if (f[0].equals("plain-thread")) plain = counts;
                else if (f[0].equals("event-loop-late-gaps")) gaps = counts;
                else if (f[0].equals("event-loop-core-wait") && counts.length == 4)
                    coreWait = new CoreWait((int) counts[0], counts[1], counts[2], counts[3]);
            }
            if (loops == null || plain == null || gaps == null || loops.length != BOUNDS_MILLIS.size()
                    || plain.length != BOUNDS_MILLIS.size() || gaps.length != 2)
                throw new IllegalStateException(String.format(Locale.ROOT, "the server's stall file %s is not as "
                        + "written: %s", file, Files.readString(file, StandardCharsets.UTF_8)));
            return new Stalls(loops, plain, gaps[0], gaps[1], coreWait);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server's stall file " + file, e);
        }
    }
}
