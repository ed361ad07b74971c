package dev.provingground.bench.server;

import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.provingground.server.wiring.Links;
import dev.provingground.server.wiring.Logging;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code bench enforcement}: how long a robot that enters a PAUSE keep-out zone waits for its {@code startPause}.
 * A real fleet server runs in this process with its embedded MQTT endpoint on loopback; the robots are plain MQTT
 * clients on their own Vert.x. Each robot, concurrently with all the others, reports itself inside the zone, times
 * until the server's {@code startPause} arrives, reports itself outside again (which ends the violation), pauses a
 * little, and repeats. The baseline, in the same run on the same connections at the same pace, is the bare MQTT
 * round trip PINGREQ→PINGRESP, which passes the same sockets and the same server event loop but none of decoding,
 * registry, geofence evaluation, encoding and publishing. Baseline and enforcement take turns in rounds, so load
 * from other processes falls on both alike. Ends with the line
 * {@code enforcement: p50 <ms> ms, p99 <ms> ms over <n> violations with <robots> robots, <ratio>x MQTT round trip}.
 */
public final class EnforcementBenchmark {

    /** The acceptance target for the 99th percentile. */
    static final double TARGET_P99_MILLIS = 50;
    private static final int ROUNDS = 5;
    /**
     * With one chunk of warm-up (about 2 s at 1,000 robots) the first measured round was the slowest in five of six
     * runs, and the JIT made 751 and 641 compilations during rounds 1 and 2 against 162 and 116 in rounds 3 and 4
     * ({@code -XX:+PrintCompilation}); with 15 s, round 1 was the slowest in one of three runs and the median p99 at
     * 1,000 robots 5.9 ms against 25.4 (docs/BENCHMARKS.md, 2026-12-07).
     */
    static final int DEFAULT_WARMUP_SECONDS = 15;
    /** Only a guard against a hang: a phase normally lasts a second or two. */
    private static final long PHASE_TIMEOUT_SECONDS = 300;

    /**
     * @param robots        robots connected and measuring at once
     * @param violations    measured violations (and as many measured pings); warm-up comes on top
     * @param seed          seeds the robots' pauses, so runs differ only by what the machine does
     * @param robotLanes    the server's {@code mqtt.robotLanes}; 0 = automatic, as for {@code serve}
     * @param warmupSeconds the least time warm-up runs, in chunks of {@link #warmup()} violations and pings
     */
    public record Options(int robots, int violations, long seed, int robotLanes, int warmupSeconds) {
        public Options {
            if (robots < 1 || robots > 10_000)
                throw new IllegalArgumentException("--robots: must be 1..10000, got " + robots);
            if (violations < 1) throw new IllegalArgumentException("--violations: must be at least 1, got " + violations);
            if (robotLanes < 0)
                throw new IllegalArgumentException("--robot-lanes: must be 0 (automatic) or more, got " + robotLanes);
            if (warmupSeconds < 0 || warmupSeconds > 600)
                throw new IllegalArgumentException("--warmup: must be 0..600 seconds, got " + warmupSeconds);
        }

        public static Options defaults() {
            return new Options(100, 1000, 20_250_601L, 0, DEFAULT_WARMUP_SECONDS);
        }

        public Options withRobots(int n) {
            return new Options(n, violations, seed, robotLanes, warmupSeconds);
        }

        public Options withViolations(int n) {
            return new Options(robots, n, seed, robotLanes, warmupSeconds);
        }

        public Options withSeed(long s) {
            return new Options(robots, violations, s, robotLanes, warmupSeconds);
        }

        public Options withWarmupSeconds(int seconds) {
            return new Options(robots, violations, seed, robotLanes, seconds);
        }

        public Options withRobotLanes(int lanes) {
            return new Options(robots, violations, seed, lanes, warmupSeconds);
        }

        /**
         * Not counted; warm-up runs in chunks of this size until {@link #warmupSeconds} have passed. Twice the measured
         * count: with half as much, the first measured rounds were still twice as slow as the last ones while the JIT
         * compiled the server's decode-evaluate-encode path.
         */
        int warmup() {
            return Math.max(robots, violations * 2);
        }
    }

    /**
     * Latencies in nanoseconds, measured from just before the robot publishes to the moment its MQTT handler runs.
     *
     * @param answered           measured violations whose startPause arrived
     * @param unanswered         measured violations that got no startPause within {@value BenchRobot#ANSWER_TIMEOUT_MILLIS} ms
     * @param pings              measured PINGREQs answered
     * @param unansweredPings    measured PINGREQs not answered in time
     * @param warmupViolations   violations (and pings) run before measuring, not in any figure
     * @param serverViolations   KEEP_OUT violations the server opened (its track-record events), warm-up included
     * @param unexpectedMessages server messages, or ping answers, that no robot was waiting for
     */
    public record Result(int robots, int violations, int answered, int unanswered, long p50Nanos, long p99Nanos,
                         long maxNanos, int pings, int unansweredPings, long pingP50Nanos, long pingP99Nanos,
                         long pingMaxNanos, int warmupViolations, long serverViolations, int unexpectedMessages,
                         double seconds) {

        /** Enforcement p50 over the MQTT round-trip p50: what enforcement costs on top of the transport. */
        public double ratio() {
            return (double) p50Nanos / pingP50Nanos;
        }

        public double p50Millis() {
            return p50Nanos / 1e6;
        }

        public double p99Millis() {
            return p99Nanos / 1e6;
        }

        public boolean everyViolationPaused() {
            return unanswered == 0 && answered == violations;
        }

        public String summaryLine() {
            return String.format(Locale.ROOT,
                    "enforcement: p50 %.2f ms, p99 %.2f ms over %d violations with %d robots, %.1fx MQTT round trip",
                    p50Millis(), p99Millis(), answered, robots, ratio());
        }
    }

    private EnforcementBenchmark() {
    }

    public static Result run(Options options, PrintStream out) {
        long started = System.nanoTime();
        BenchPacing pacing = BenchPacing.defaults();
        out.printf(Locale.ROOT, "enforcement bench: %d robots, %d measured violations and %d pings (+%d or more of "
                        + "each to warm up, for at least %d s), pause %d-%d ms between a robot's tries, %d cores%n",
                options.robots(), options.violations(), options.violations(), options.warmup(), options.warmupSeconds(),
                pacing.minPauseMillis(), pacing.maxPauseMillis(), Runtime.getRuntime().availableProcessors());
        AtomicInteger unexpected = new AtomicInteger();
        Vertx robotSide = Vertx.vertx();
        BenchServer server = null;
        List<BenchRobot> robots = new ArrayList<>();
        try {
            server = BenchServer.start(options.robots(), options.robotLanes(), Links.MQTT);
            out.printf(Locale.ROOT, "enforcement bench: fleet server up (embedded MQTT on 127.0.0.1:%d), zone %s "
                    + "is KEEP_OUT with onViolation PAUSE%n", server.mqttPort(), BenchServer.ZONE);
            Vda5050Codec codec = new Vda5050Codec();
            List<Future<Void>> connected = new ArrayList<>();
            for (BenchServer.RobotLogin login : server.robots()) {
                BenchRobot robot = new BenchRobot(robotSide, codec, login, pacing, robotSeed(options.seed(), login.index()),
                        unexpected);
                robots.add(robot);
                connected.add(robot.connect(server.mqttPort()));
            }
            BenchServer.await(Future.all(connected));
            out.printf(Locale.ROOT, "enforcement bench: %d robots registered, connected and online in %.1f s%n",
                    robots.size(), (System.nanoTime() - started) / 1e9);

            int warmedUp = warmUp(robots, options, out);

            List<LatencyPhase> enforcement = new ArrayList<>();
            List<LatencyPhase> roundTrip = new ArrayList<>();
            int rounds = Math.min(ROUNDS, options.violations());
            for (int round = 0; round < rounds; round++) {
                int share = options.violations() / rounds + (round < options.violations() % rounds ? 1 : 0);
                LatencyPhase ping = runPhase(robots, LatencyPhase.Kind.ROUND_TRIP, share);
                LatencyPhase pause = runPhase(robots, LatencyPhase.Kind.ENFORCEMENT, share);
                roundTrip.add(ping);
                enforcement.add(pause);
                out.printf(Locale.ROOT, "enforcement bench: round %d/%d: MQTT round trip %s; state->startPause %s%n",
                        round + 1, rounds, ping.answered().describe(), pause.answered().describe());
            }

            Latencies pauses = Latencies.merge(enforcement.stream().map(LatencyPhase::answered).toList());
            Latencies pings = Latencies.merge(roundTrip.stream().map(LatencyPhase::answered).toList());
            int unansweredPauses = enforcement.stream().mapToInt(LatencyPhase::unanswered).sum();
            int unansweredPings = roundTrip.stream().mapToInt(LatencyPhase::unanswered).sum();
            if (pauses.count() == 0 || pings.count() == 0)
                throw new IllegalStateException("nothing was measured: " + unansweredPauses + " violations without "
                        + "startPause, " + unansweredPings + " pings without answer");
            Result result = new Result(options.robots(), options.violations(), pauses.count(), unansweredPauses,
                    pauses.percentileNanos(50), pauses.percentileNanos(99), pauses.maxNanos(), pings.count(),
                    unansweredPings, pings.percentileNanos(50), pings.percentileNanos(99), pings.maxNanos(),
                    warmedUp, server.keepOutViolations(), unexpected.get(), (System.nanoTime() - started) / 1e9);
            report(out, result, pauses, pings);
            return result;
        } finally {
            stop(robots, robotSide, server, out);
        }
    }

    /**
     * Violations and pings in chunks of {@link Options#warmup()}, at least one, until the warm-up time has passed;
     * returns the violations run.
     */
    private static int warmUp(List<BenchRobot> robots, Options options, PrintStream out) {
        long started = System.nanoTime();
        long until = started + options.warmupSeconds() * 1_000_000_000L;
        int chunks = 0;
        do {
            runPhase(robots, LatencyPhase.Kind.ENFORCEMENT, options.warmup());
            runPhase(robots, LatencyPhase.Kind.ROUND_TRIP, options.warmup());
            chunks++;
        } while (System.nanoTime() < until);
        int violations = chunks * options.warmup();
        out.printf(Locale.ROOT, "enforcement bench: warmed up (%d violations, %d pings in %.1f s)%n", violations,
                violations, (System.nanoTime() - started) / 1e9);
        return violations;
    }

    /** Every robot takes part until {@code slots} measurements are claimed; returns once all have stopped. */
    private static LatencyPhase runPhase(List<BenchRobot> robots, LatencyPhase.Kind kind, int slots) {
        LatencyPhase phase = new LatencyPhase(kind, slots, robots.size());
        robots.forEach(r -> r.join(phase));
        try {
            phase.finished().get(PHASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a " + kind + " phase", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a " + kind + " phase of " + slots + " did not finish within "
                    + PHASE_TIMEOUT_SECONDS + " s", e);
        }
        return phase;
    }

    private static void report(PrintStream out, Result r, Latencies pauses, Latencies pings) {
        out.printf(Locale.ROOT, "enforcement bench: MQTT round trip (PINGREQ->PINGRESP): %s pings%n", pings.describe());
        out.printf(Locale.ROOT, "enforcement bench: state->startPause: %s violations%n", pauses.describe());
        if (r.unanswered() > 0 || r.unansweredPings() > 0)
            out.printf(Locale.ROOT, "enforcement bench: NOT ANSWERED within %d ms: %d violations, %d pings%n",
                    BenchRobot.ANSWER_TIMEOUT_MILLIS, r.unanswered(), r.unansweredPings());
        out.printf(Locale.ROOT, "enforcement bench: the server opened %d keep-out violations (warm-up included); "
                + "%d unexpected messages; %.1f s in all%n", r.serverViolations(), r.unexpectedMessages(), r.seconds());
        out.printf(Locale.ROOT, "enforcement bench: target p99 under %.0f ms: %s%n", TARGET_P99_MILLIS,
                r.p99Millis() < TARGET_P99_MILLIS ? "met" : "NOT met");
        out.println(r.summaryLine());
    }

    private static long robotSeed(long seed, int index) {
        return seed * 0x9E3779B97F4A7C15L + index;
    }

    /** Robots say goodbye, then the server stops and its data directory goes; a failure here hides no earlier one. */
    private static void stop(List<BenchRobot> robots, Vertx robotSide, BenchServer server, PrintStream out) {
        try {
            BenchServer.await(Future.join(robots.stream().map(BenchRobot::disconnect).toList()));
        } catch (RuntimeException e) {
            out.println("enforcement bench: some robots did not disconnect cleanly: " + e.getMessage());
        }
        try {
            BenchServer.await(robotSide.close());
        } catch (RuntimeException e) {
            out.println("enforcement bench: closing the robots' Vert.x: " + e.getMessage());
        }
        if (server != null) server.close();
    }

    /**
     * {@code EnforcementBenchmark [--robots N] [--violations N] [--seed N] [--warmup SECONDS]}; exits 1 if a violation
     * went unpaused.
     */
    public static void main(String[] args) {
        Options options = Options.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) throw new IllegalArgumentException(flag + ": needs a value");
                String value = args[++i];
                switch (flag) {
                    case "--robots" -> options = options.withRobots(number(flag, value));
                    case "--violations" -> options = options.withViolations(number(flag, value));
                    case "--seed" -> options = options.withSeed(longNumber(flag, value));
                    case "--warmup" -> options = options.withWarmupSeconds(number(flag, value));
                    default -> throw new IllegalArgumentException("unknown argument '" + flag
                            + "'; usage: bench enforcement [--robots N] [--violations N] [--seed N] "
                            + "[--warmup SECONDS]");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Logging.configure(false);
        Result result = run(options, System.out);
        if (!result.everyViolationPaused()) System.exit(1);
    }

    private static long longNumber(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": expected a whole number, got '" + value + "'");
        }
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": expected a whole number, got '" + value + "'");
        }
    }
}
