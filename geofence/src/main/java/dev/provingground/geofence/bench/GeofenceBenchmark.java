package dev.provingground.geofence.bench;

import java.io.PrintStream;
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

    /** @param events how many events the measured indexed evaluations produced (a sanity figure) */
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

        Measurement fast = measure("indexed (STRtree)", indexed, options, out);
        Measurement slow = measure("naive scan", naive, options, out);
        Result result = new Result(options.zones(), fast.perSecond(), slow.perSecond(), fast.events());
        out.println(result.summaryLine());
        return result;
    }

    private record Measurement(double perSecond, long events) {
    }

    private static Measurement measure(String label, GeofenceEngine engine, Options options, PrintStream out) {
        RobotWalk walk = new RobotWalk(options.robots(), options.side(), START, options.seed());
        out.printf(Locale.ROOT, "geofence bench: %s: warming up for %d s%n", label, options.warmup().toSeconds());
        runFor(engine, walk, options.warmup());
        out.printf(Locale.ROOT, "geofence bench: %s: measuring for %d s%n", label, options.measure().toSeconds());
        long[] result = runFor(engine, walk, options.measure());
        double perSecond = result[0] / (result[1] / 1e9);
        out.printf(Locale.ROOT, "geofence bench: %s: %d evaluations in %.2f s = %.0f evaluations/s (%d events)%n",
                label, result[0], result[1] / 1e9, perSecond, result[2]);
        return new Measurement(perSecond, result[2]);
    }

    /** @return evaluations, nanoseconds, events */
    private static long[] runFor(GeofenceEngine engine, RobotWalk walk, Duration duration) {
        long budget = duration.toNanos();
        long start = System.nanoTime();
        long evaluations = 0;
        long events = 0;
        long elapsed;
        int batch = 64;
        do {
            for (int i = 0; i < batch; i++) {
                events += engine.evaluate(walk.next()).events().size(); // consumed, so the JIT cannot drop the work
            }
            evaluations += batch;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {evaluations, elapsed, events};
    }

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
