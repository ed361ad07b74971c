package dev.provingground.bench.server;

import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskService;
import dev.provingground.server.tasks.TaskSubmission;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench history}: does the server's work grow with its history? A real fleet server in this process (embedded
 * MQTT on loopback) with idle robots reporting their state at 1 Hz over real MQTT connections, and a task submitted
 * (and then canceled) every half second. Two phases on the same data directory and the same robots: first with no
 * finished task in the store (the baseline), then, after a restart, with {@code --finished-tasks} of them written to
 * the store as the server archives a finished task. In each phase, after a warm-up, it measures the CPU time of the
 * server's event-loop thread over the wall-clock window (its busy share) and each submission's time on the event loop
 * and until saved. Ends with the line {@code history: event loop <p>% busy with <n> finished tasks, <p>% with none
 * (<ratio>x), task submission p99 <ms> ms (<ms> ms with none; CPU p99 <ms> ms; <ms> ms until saved), <robots> robots
 * at 1 Hz}.
 */
public final class HistoryBenchmark {

    /** The acceptance target: the event loop's CPU with the history within this share of that without. */
    static final double TARGET_RATIO = 1.10;
    static final double TARGET_SUBMISSION_MILLIS = 5;
    private static final long SUBMISSION_PERIOD_MILLIS = 500;
    private static final long REPORT_PERIOD_MILLIS = 1000;

    /**
     * @param robots        robots connected, each reporting once a second
     * @param finishedTasks finished tasks in the store in the second phase
     * @param seconds       measured seconds per phase
     * @param warmupSeconds seconds before measuring in each phase
     */
    public record Options(int robots, int finishedTasks, int seconds, int warmupSeconds) {
        public Options {
            if (robots < 1 || robots > 10_000)
                throw new IllegalArgumentException("--robots: must be 1..10000, got " + robots);
            if (finishedTasks < 1 || finishedTasks > 10_000_000)
                throw new IllegalArgumentException("--finished-tasks: must be 1..10000000, got " + finishedTasks);
            if (seconds < 5) throw new IllegalArgumentException("--seconds: must be at least 5, got " + seconds);
            if (warmupSeconds < 0)
                throw new IllegalArgumentException("--warmup-seconds: must not be negative, got " + warmupSeconds);
        }

        public static Options defaults() {
            return new Options(2000, 100_000, 30, 15);
        }
    }

    /** What one phase measured. */
    /**
     * @param heapAfterGcBytes the heap in use after a full collection at the end of the phase: the server's live
     *                         data and the generator's (its connections) together, an upper bound for the server's
     */
    /**
     * @param submissions        wall-clock time of each submission on the event loop
     * @param submissionCpu      the event-loop thread's CPU time for each, which other processes on the machine do
     *                           not inflate
     * @param durableSubmissions wall-clock time of each until saved
     */
    public record Phase(int finishedTasks, double loopBusyShare, double processCores, Latencies submissions,
                        Latencies submissionCpu, Latencies durableSubmissions, int failedSubmissions,
                        double wallSeconds, long heapAfterGcBytes) {

        String describe() {
            return String.format(Locale.ROOT, "%d finished tasks: event loop %.1f%% busy, process %.2f cores, "
                            + "submission on the event loop %s (its CPU time %s), until saved %s, %d failed, over "
                            + "%.1f s; heap after a full GC %d MB (server and generator)", finishedTasks,
                    loopBusyShare * 100, processCores, submissions.describe(), submissionCpu.describe(),
                    durableSubmissions.describe(), failedSubmissions, wallSeconds, heapAfterGcBytes >> 20);
        }
    }

    public record Result(int robots, Phase without, Phase with) {

        public double ratio() {
            return with.loopBusyShare() / without.loopBusyShare();
        }

        public boolean met() {
            return ratio() <= TARGET_RATIO && with.submissions().percentileNanos(99) / 1e6 < TARGET_SUBMISSION_MILLIS
                    && with.failedSubmissions() == 0;
        }

        public String summaryLine() {
            return String.format(Locale.ROOT, "history: event loop %.1f%% busy with %d finished tasks, %.1f%% with "
                            + "none (%.2fx), task submission p99 %.2f ms (%.2f ms with none; CPU p99 %.2f ms; %.1f ms "
                            + "until saved), %d robots at 1 Hz", with.loopBusyShare() * 100, with.finishedTasks(),
                    without.loopBusyShare() * 100, ratio(), with.submissions().percentileNanos(99) / 1e6,
                    without.submissions().percentileNanos(99) / 1e6, with.submissionCpu().percentileNanos(99) / 1e6,
                    with.durableSubmissions().percentileNanos(99) / 1e6, robots);
        }
    }

    private HistoryBenchmark() {
    }

    public static Result run(Options options, PrintStream out) {
        out.printf(Locale.ROOT, "history bench: %d robots at 1 Hz, a task submitted every %d ms, %d s measured after "
                        + "%d s of warm-up per phase, %d cores, load average %.2f%n", options.robots(),
                SUBMISSION_PERIOD_MILLIS, options.seconds(), options.warmupSeconds(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        Vertx robotSide = Vertx.vertx();
        BenchServer server = null;
        try {
            long started = System.nanoTime();
            server = BenchServer.start(options.robots());
            out.printf(Locale.ROOT, "history bench: fleet server up with %d robots registered in %.1f s%n",
                    options.robots(), (System.nanoTime() - started) / 1e9);
            Phase without = phase(server, robotSide, 0, options, out);
            out.println("history bench: " + without.describe());

            long writing = System.nanoTime();
            List<String> robotIds = server.robots().stream().map(BenchServer.RobotLogin::username).toList();
            server = server.restarted(dir -> FinishedTaskHistory.write(dir, options.finishedTasks(), robotIds));
            out.printf(Locale.ROOT, "history bench: %d finished tasks written to the store and the server restarted "
                    + "on it in %.1f s%n", options.finishedTasks(), (System.nanoTime() - writing) / 1e9);
            Phase with = phase(server, robotSide, options.finishedTasks(), options, out);
            out.println("history bench: " + with.describe());

            Result result = new Result(options.robots(), without, with);
            out.printf(Locale.ROOT, "history bench: load average %.2f at the end; targets (event loop within %.0f%% of "
                            + "the run with none, submission p99 under %.0f ms): %s%n", loadAverage(),
                    (TARGET_RATIO - 1) * 100, TARGET_SUBMISSION_MILLIS, result.met() ? "met" : "NOT met");
            out.println(result.summaryLine());
            return result;
        } finally {
            try {
                BenchServer.await(robotSide.close());
            } finally {
                if (server != null) server.close();
            }
        }
    }

    /** Connects the robots, lets them report, warms up, measures, and disconnects them again. */
    private static Phase phase(BenchServer server, Vertx robotSide, int finishedTasks, Options options,
                               PrintStream out) {
        AtomicInteger unexpected = new AtomicInteger();
        Vda5050Codec codec = new Vda5050Codec();
        List<BenchRobot> robots = new ArrayList<>();
        Random offsets = new Random(finishedTasks);
        try {
            List<Future<Void>> connected = new ArrayList<>();
            for (BenchServer.RobotLogin login : server.robots()) {
                BenchRobot robot = new BenchRobot(robotSide, codec, login, BenchPacing.defaults(), login.index(),
                        unexpected);
                robots.add(robot);
                connected.add(robot.connect(server.mqttPort()));
            }
            BenchServer.await(Future.all(connected));
            // Spread over the second, as robots that came online at different times report.
            robots.forEach(r -> r.reportEvery(REPORT_PERIOD_MILLIS, offsets.nextInt((int) REPORT_PERIOD_MILLIS)));
            out.printf(Locale.ROOT, "history bench: %d robots connected and reporting; warming up%n", robots.size());

            Submitter warmup = new Submitter(server.fleetServer().tasks(), server);
            warmup.runFor(Duration.ofSeconds(options.warmupSeconds()));

            long loopThread = BenchServer.await(Future.fromCompletionStage(server.fleetServer().onEventLoop(
                    () -> CompletableFuture.completedFuture(Thread.currentThread().getId()))));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long loopCpu0 = threads.getThreadCpuTime(loopThread);
            long processCpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Submitter measured = new Submitter(server.fleetServer().tasks(), server);
            measured.runFor(Duration.ofSeconds(options.seconds()));
            long wall = System.nanoTime() - wall0;
            long loopCpu = threads.getThreadCpuTime(loopThread) - loopCpu0;
            long processCpu = os.getProcessCpuTime() - processCpu0;
            return new Phase(finishedTasks, (double) loopCpu / wall, (double) processCpu / wall,
                    measured.latencies(), measured.cpuLatencies(), measured.durableLatencies(), measured.failed(),
                    wall / 1e9,
                    heapAfterFullGc());
        } finally {
            try {
                BenchServer.await(Future.join(robots.stream().map(BenchRobot::disconnect).toList()));
            } catch (RuntimeException e) {
                out.println("history bench: some robots did not disconnect cleanly: " + e.getMessage());
            }
        }
    }

    private static long heapAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double loadAverage() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os.getSystemLoadAverage();
    }

    /**
     * Submits a task every {@value #SUBMISSION_PERIOD_MILLIS} ms, as the API does, and times each on the event loop
     * (checked, planned, priced against every robot, taken into the book and handed to the store) and until it is
     * saved (the store's commit, which the API waits for before it answers); each is canceled once saved, so it
     * finishes and joins the history. The tasks may start only tomorrow, so no robot is sent anywhere.
     */
    private static final class Submitter {
        private final TaskService tasks;
        private final BenchServer server;
        private final List<Long> nanos = new ArrayList<>();
        private final List<Long> durableNanos = new ArrayList<>();
        private final List<Long> cpuNanos = new ArrayList<>();
        private int failed;

        Submitter(TaskService tasks, BenchServer server) {
            this.tasks = tasks;
            this.server = server;
        }

        void runFor(Duration window) {
            long end = System.nanoTime() + window.toNanos();
            long next = System.nanoTime();
            while (System.nanoTime() < end) {
                submitOne();
                next += SUBMISSION_PERIOD_MILLIS * 1_000_000;
                long wait = next - System.nanoTime();
                if (wait > 0) sleepNanos(wait);
            }
        }

        private void submitOne() {
            TaskSubmission submission = new TaskSubmission(BenchServer.SITE, "go_to_place",
                    JsonNodeFactory.instance.objectNode().put("place", BenchServer.PLACE),
                    Instant.now().plus(Duration.ofDays(1)).toEpochMilli(), 0, List.of("bench"), "history bench",
                    null, List.of());
            try {
                Timed timed = BenchServer.await(Future.fromCompletionStage(server.fleetServer().onEventLoop(() -> {
                    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    CompletableFuture<Task> saved = tasks.submit(submission);
                    long onLoop = System.nanoTime() - t0;
                    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                    return saved.thenApply(task -> new Timed(task, onLoop, cpu, System.nanoTime() - t0));
                })));
                nanos.add(timed.onLoopNanos());
                cpuNanos.add(timed.cpuNanos());
                durableNanos.add(timed.savedNanos());
                BenchServer.await(Future.fromCompletionStage(server.fleetServer().onEventLoop(
                        () -> tasks.cancel(timed.task().id(), "history bench"))));
            } catch (RuntimeException e) {
                failed++;
                if (failed == 1) System.out.println("history bench: a submission failed: " + e.getMessage());
            }
        }

        Latencies latencies() {
            return Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray());
        }

        Latencies cpuLatencies() {
            return Latencies.of(cpuNanos.stream().mapToLong(Long::longValue).toArray());
        }

        Latencies durableLatencies() {
            return Latencies.of(durableNanos.stream().mapToLong(Long::longValue).toArray());
        }

        int failed() {
            return failed;
        }
    }

    private record Timed(Task task, long onLoopNanos, long cpuNanos, long savedNanos) {
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

}
