package dev.provingground.bench.server;

import dev.provingground.bench.EventLoopLoad;
import dev.provingground.server.registry.Robot;
import dev.provingground.vda5050.Header;
import dev.provingground.vda5050.Vda5050Codec;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code ./proving-ground bench lanes}: how many robot states a second the server handles to the end (decoded,
 * evaluated against the zones, sampled) when its robot traffic runs on one event loop and when it runs on its lanes
 * ({@code mqtt.robotLanes}), with nothing else on the machine: the states are handed to the robots' lanes in this
 * process ({@link DirectRobotLink}, as the MQTT endpoint hands them, without sockets), by one feeder thread that
 * keeps a bounded number in flight so the server is always busy and never buried. Its robots stand still outside
 * the bench's keep-out zone, each sending states as fast as the server takes them, with the current time and rising
 * headerIds. The baseline, measured in the same run on a fresh server: one lane, the server's own event loop. Ends
 * with {@code lanes: <states/s> states/s on <N> lanes, <ratio>x one event loop (<states/s> states/s)}.
 *
 * <p>Where {@code bench ingest} measures the server as robots reach it over MQTT from a generator on the same machine
 * (on two cores the generator and the server's other threads leave its event loops less than the machine), this
 * measures how the server's own robot work scales over event loops.
 */
public final class LanesBenchmark {

    /** Messages handed in and not yet handled, across all robots: enough to keep every lane busy. */
    private static final int IN_FLIGHT = 4096;

    /** @param lanes the spread phase's {@code mqtt.robotLanes}; 0 = one per core */
    public record Options(int robots, int warmupSeconds, int seconds, int lanes) {
        public Options {
            if (robots < 1) throw new IllegalArgumentException("--robots: must be at least 1, got " + robots);
            if (warmupSeconds < 0) throw new IllegalArgumentException("--warmup: must be 0 or more, got " + warmupSeconds);
            if (seconds < 1) throw new IllegalArgumentException("--duration: must be at least 1 second, got " + seconds);
            if (lanes < 0) throw new IllegalArgumentException("--robot-lanes: must be 0 (one per core) or more, got "
                    + lanes);
        }

        public static Options defaults() {
            return new Options(1000, 10, 20, 0);
        }
    }

    /**
     * One server's measured window.
     *
     * @param eventLoops     cores each Vert.x event loop used
     * @param processCores   this whole process's cores, feeder included
     * @param feederCores    the feeder thread's cores
     */
    public record Phase(int lanes, double statesPerSecond, EventLoopLoad eventLoops, double processCores,
                        double feederCores) {
    }

    public record Result(Phase single, Phase spread) {

        public double ratio() {
            return spread.statesPerSecond() / single.statesPerSecond();
        }

        public String summaryLine() {
            return String.format(Locale.ROOT, "lanes: %.0f states/s on %d lanes, %.2fx one event loop (%.0f states/s)",
                    spread.statesPerSecond(), spread.lanes(), ratio(), single.statesPerSecond());
        }
    }

    private LanesBenchmark() {
    }

    public static Result run(Options options, PrintStream out) {
        int lanes = options.lanes() == 0 ? Runtime.getRuntime().availableProcessors() : options.lanes();
        out.printf(Locale.ROOT, "lanes bench: %d robots standing still, states handed in as fast as the server takes "
                        + "them (%d in flight); %d s warm-up + %d s measured per phase; one event loop, then %d lanes; "
                        + "%d cores%n", options.robots(), IN_FLIGHT, options.warmupSeconds(), options.seconds(), lanes,
                Runtime.getRuntime().availableProcessors());
        Phase single = phase(options, 1, out);
        Phase spread = phase(options, lanes, out);
        Result result = new Result(single, spread);
        out.printf(Locale.ROOT, "lanes bench: target at least 1.6x one event loop: %s%n",
                result.ratio() >= 1.6 ? "met" : "NOT met");
        out.println(result.summaryLine());
        return result;
    }

    private static Phase phase(Options options, int lanes, PrintStream out) {
        DirectRobotLink link = new DirectRobotLink();
        try (BenchServer bench = BenchServer.start(options.robots(), lanes, link)) {
            Vda5050Codec codec = new Vda5050Codec();
            List<Robot> robots = new ArrayList<>();
            List<StateTemplate> templates = new ArrayList<>();
            for (BenchServer.RobotLogin login : bench.robots()) {
                robots.add(bench.fleetServer().registry().find(login.username()).orElseThrow());
                templates.add(new StateTemplate(codec, login.manufacturer(), login.serialNumber(), BenchServer.LEVEL,
                        BenchServer.outsideX(), BenchServer.laneY(login.index())));
            }
            LongAdder handled = new LongAdder();
            AtomicBoolean feeding = new AtomicBoolean(true);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Thread feeder = new Thread(() -> feed(link, robots, templates, handled, feeding), "lanes-bench-feeder");
            feeder.start();
            try {
                sleepSeconds(options.warmupSeconds());
                Map<String, Long> before = EventLoopLoad.threadCpuNanos();
                long feederBefore = threads.getThreadCpuTime(feeder.getId());
                long processBefore = processCpuNanos();
                long handledBefore = handled.sum();
                long started = System.nanoTime();
                for (int second = 1; second <= options.seconds(); second++) {
                    long at = handled.sum();
                    sleepSeconds(1);
                    out.printf(Locale.ROOT, "  %d lane%s %3d s: %d states/s handled%n", lanes, lanes == 1 ? "" : "s",
                            second, handled.sum() - at);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                Phase phase = new Phase(lanes, (handled.sum() - handledBefore) / seconds,
                        EventLoopLoad.between(before, EventLoopLoad.threadCpuNanos(), seconds),
                        (processCpuNanos() - processBefore) / 1e9 / seconds,
                        (threads.getThreadCpuTime(feeder.getId()) - feederBefore) / 1e9 / seconds);
                describe(out, phase);
                return phase;
            } finally {
                feeding.set(false);
                feeder.interrupt();
                join(feeder);
            }
        }
    }

    /** Hands each robot's next state to its lane in turn, never more than {@link #IN_FLIGHT} unhandled. */
    private static void feed(DirectRobotLink link, List<Robot> robots, List<StateTemplate> templates, LongAdder handled,
                             AtomicBoolean feeding) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long headerId = 0;
        try {
            while (feeding.get()) {
                headerId++;
                for (int i = 0; i < robots.size() && feeding.get(); i++) {
                    inFlight.acquire();
                    Robot robot = robots.get(i);
                    Header header = new Header(headerId, Instant.now(), Header.PROTOCOL_VERSION, robot.manufacturer(),
                            robot.serialNumber());
                    link.state(robot, templates.get(i).render(header).getBytes(), () -> {
                        handled.increment();
                        inFlight.release();
                    });
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void describe(PrintStream out, Phase p) {
        out.printf(Locale.ROOT, "lanes bench: %d lane%s: %.0f states/s handled; event loops busy (cores, by "
                        + "vert.x-eventloop-thread-N): %s (%d above 0.1 core); process %.2f cores, of which the feeder "
                        + "%.2f%n", p.lanes(), p.lanes() == 1 ? "" : "s", p.statesPerSecond(), p.eventLoops(),
                p.eventLoops().busy(),
                p.processCores(), p.feederCores());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
