package dev.provingground.bench.geofence;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.evaluation.GeofenceEngine;
import dev.provingground.geofence.evaluation.ZoneSearch;
import dev.provingground.geofence.validation.ZoneValidator;

/**
 * {@code bench geofence}: single-threaded evaluations per second of the indexed engine on N random zones, against
 * the same engine scanning every prepared geometry of the level, on the same zones and the same robot updates,
 * measured in the same run. Ends with the line
 * {@code geofence: <evaluations/s> evaluations/s at <N> zones, <ratio>x naive scan}.
 */
public final class GeofenceBenchmark {

    /**
     * @param zones   how many random zones (20–200 vertices each) to put on the level
     * @param side    the level is side × side metres (1 km² by default)
     * @param robots  how many robots take turns reporting
     * @param warmup  time each engine runs before it is measured, for the JIT and lazily built indexes
     * @param measure time each engine is measured for
     */
    public record Options(int zones, double side, int robots, long seed, Duration warmup, Duration measure) {
        public Options {
            if (zones < 1) throw new IllegalArgumentException("--zones: must be at least 1, got " + zones);
            if (!(side > 20)) throw new IllegalArgumentException("side: must be more than 20 m, got " + side);
            if (robots < 1) throw new IllegalArgumentException("robots: must be at least 1, got " + robots);
        }

        public static Options defaults() {
            return new Options(10_000, 1000, 200, 20_240_601L, Duration.ofSeconds(4), Duration.ofSeconds(6));
        }

        public Options withZones(int n) {
            return new Options(n, side, robots, seed, warmup, measure);
        }

        public Options withTimes(Duration newWarmup, Duration newMeasure) {
            return new Options(zones, side, robots, seed, newWarmup, newMeasure);
        }
    }

    /**
     * Rates are per second of wall-clock time.
     *
     * @param events how many events the measured indexed evaluations produced (a sanity figure)
     */
    public record Result(int zones, double evaluationsPerSecond, double naiveEvaluationsPerSecond, long events) {
        public double ratio() {
            return evaluationsPerSecond / naiveEvaluationsPerSecond;
        }

        public String summaryLine() {
            return String.format(Locale.ROOT, "geofence: %d evaluations/s at %d zones, %.1fx naive scan",
                    Math.round(evaluationsPerSecond), zones, ratio());
        }
    }

    private static final ZoneId TIME_ZONE = ZoneId.of("Asia/Seoul");
    /** A Monday mid-morning, so scheduled (weekday 08:00–20:00) zones are in force. */
    private static final Instant START = ZonedDateTime.of(2025, 6, 2, 10, 0, 0, 0, TIME_ZONE).toInstant();

    private GeofenceBenchmark() {
    }

    public static Result run(Options options, PrintStream out) {
        out.printf(Locale.ROOT, "geofence bench: %d random zones of 20-200 vertices on a %.0f m x %.0f m level, %d robots%n",
                options.zones(), options.side(), options.side(), options.robots());
        long t0 = System.nanoTime();
        List<Zone> zones = RandomZones.generate(options.zones(), options.side(), 20, 200, options.seed());
        GeofenceConfig config = GeofenceConfig.defaults();
        new ZoneValidator(config).validate(zones, RandomZones.SITE, Set.of(RandomZones.LEVEL), "generated zones");
        GeofenceEngine indexed = new GeofenceEngine(RandomZones.SITE, TIME_ZONE, config, ZoneSearch.STR_TREE);
        indexed.replaceAll(zones);
        GeofenceEngine naive = new GeofenceEngine(RandomZones.SITE, TIME_ZONE, config, ZoneSearch.NAIVE_SCAN);
        naive.replaceAll(zones); // separate robot state, same prepared-geometry build of the same zones
        out.printf(Locale.ROOT, "geofence bench: zones generated, validated and indexed in %.1f s%n",
                (System.nanoTime() - t0) / 1e9);

        Runner fast = new Runner("indexed (STRtree)", indexed, new RobotWalk(options.robots(), options.side(), START, options.seed()));
        Runner slow = new Runner("naive scan", naive, new RobotWalk(options.robots(), options.side(), START, options.seed()));
        out.printf(Locale.ROOT, "geofence bench: warming up each engine for %.1f s%n", options.warmup().toMillis() / 1e3);
        fast.run(options.warmup().toNanos(), false);
        slow.run(options.warmup().toNanos(), false);
        // Slices of each engine take turns, so that load from other processes falls on both alike.
        long slice = options.measure().toNanos() / ROUNDS;
        for (int round = 1; round <= ROUNDS; round++) {
            fast.run(slice, true);
            slow.run(slice, true);
            out.printf(Locale.ROOT, "geofence bench: round %d/%d: indexed %.0f/s, naive %.0f/s so far%n",
                    round, ROUNDS, fast.perSecond(), slow.perSecond());
        }
        fast.report(out);
        slow.report(out);
        Result result = new Result(options.zones(), fast.perSecond(), slow.perSecond(), fast.events);
        out.println(result.summaryLine());
        return result;
    }

    private static final int ROUNDS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Feeds one engine its walk and keeps the measured totals. */
    private static final class Runner {
        private final String label;
        private final GeofenceEngine engine;
        private final RobotWalk walk;
        private long evaluations;
        private long wallNanos;
        private long cpuNanos;
        private long events;

        Runner(String label, GeofenceEngine engine, RobotWalk walk) {
            this.label = label;
            this.engine = engine;
            this.walk = walk;
        }

        void run(long budgetNanos, boolean counted) {
            long cpuStart = cpuTime();
            long start = System.nanoTime();
            long n = 0;
            long seen = 0;
            long elapsed;
            do {
                for (int i = 0; i < BATCH; i++) {
                    seen += engine.evaluate(walk.next()).events().size(); // consumed, so the JIT cannot drop the work
                }
                n += BATCH;
                elapsed = System.nanoTime() - start;
            } while (elapsed < budgetNanos);
            if (counted) {
                evaluations += n;
                wallNanos += elapsed;
                cpuNanos += cpuTime() - cpuStart;
                events += seen;
            }
        }

        double perSecond() {
            return evaluations / (wallNanos / 1e9);
        }

        void report(PrintStream out) {
            out.printf(Locale.ROOT, "geofence bench: %s: %d evaluations in %.2f s = %.0f evaluations/s (%d events)%n",
                    label, evaluations, wallNanos / 1e9, perSecond(), events);
            if (cpuNanos > 0 && cpuNanos < 0.9 * wallNanos) {
                out.printf(Locale.ROOT, "geofence bench: %s: the machine was busy, the thread ran %.0f%% of the time:"
                        + " %.0f evaluations per second of CPU time%n",
                        label, 100.0 * cpuNanos / wallNanos, evaluations / (cpuNanos / 1e9));
            }
        }

        private static long cpuTime() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        }
    }

    private static final int BATCH = 64;

    /** {@code GeofenceBenchmark [--zones N]} */
    public static void main(String[] args) {
        Options options = Options.defaults();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--zones") && i + 1 < args.length) {
                try {
                    options = options.withZones(Integer.parseInt(args[++i]));
                } catch (NumberFormatException e) {
                    System.err.println("--zones: expected a whole number, got '" + args[i] + "'");
                    System.exit(2);
                }
            } else {
                System.err.println("unknown argument '" + args[i] + "'; usage: bench geofence [--zones N]");
                System.exit(2);
            }
        }
        run(options, System.out);
    }
}
