package dev.provingground.site.routing.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.site.routing.RobotClass;
import dev.provingground.site.routing.RoutingConfig;
import dev.provingground.site.routing.SiteRouter;
import dev.provingground.site.routing.SiteRouting;

/**
 * {@code bench dispatch}: assigns tasks one after another to the robot that would finish each earliest, on a large
 * generated building ({@link GridSite}). A decision prices the task for every robot:
 * {@code finish = robot busy until + seconds(robot → pickup) + seconds(pickup → dropoff)}; the chosen robot then
 * ends up at the dropoff, busy until its finish. The subject answers with one reverse search from the pickup (every
 * robot's time to it at once) and one forward search to the dropoff. The baseline plans every (robot, pickup) pair
 * with {@link TextbookDijkstra}; it is too slow to run on every task, so it decides an evenly spread sample of the
 * tasks on the same fleet state as the subject, and its time per decision is extrapolated. Both must pick the same
 * robot at the same cost on every sampled task, or the run fails. Ends with the line
 * {@code dispatch: <tasks/s> tasks/s, p99 <ms> ms per decision, <ratio>x baseline}.
 */
public final class DispatchBenchmark {

    /**
     * @param levels        floors of the generated building, at least 2
     * @param columns       waypoints per row of each level's grid
     * @param rows          waypoints per column of each level's grid
     * @param robots        robots in the fleet, all of one elevator-capable class
     * @param tasks         tasks to assign
     * @param baselineTasks how many of the tasks the baseline also decides, spread evenly
     * @param warmupTasks   decisions the subject makes on a scratch fleet before it is measured, for the JIT
     */
    public record Options(int levels, int columns, int rows, int robots, int tasks, int baselineTasks, int warmupTasks,
                          long seed) {
        public Options {
            if (levels < 2) throw new IllegalArgumentException("levels: must be at least 2, got " + levels);
            if (columns < 4 || rows < 4) {
                throw new IllegalArgumentException("grid: needs at least 4 x 4 waypoints per level, got " + columns + " x " + rows);
            }
            if (robots < 1) throw new IllegalArgumentException("--robots: must be at least 1, got " + robots);
            if (tasks < 1) throw new IllegalArgumentException("--tasks: must be at least 1, got " + tasks);
            if (baselineTasks < 1 || baselineTasks > tasks) {
                throw new IllegalArgumentException("--baseline-tasks: must be 1.." + tasks + ", got " + baselineTasks);
            }
            if (warmupTasks < 0) throw new IllegalArgumentException("warmupTasks: must be 0 or more, got " + warmupTasks);
        }

        /** 5 levels of 40 × 25 waypoints (5,000 in all), 500 robots, 1,000 tasks, 20 of them for the baseline. */
        public static Options defaults() {
            return new Options(5, 40, 25, 500, 1000, 20, 200, 20_250_602L);
        }

        public Options withGrid(int newLevels, int newColumns, int newRows) {
            return new Options(newLevels, newColumns, newRows, robots, tasks, baselineTasks, warmupTasks, seed);
        }

        public Options withRobots(int n) {
            return new Options(levels, columns, rows, n, tasks, baselineTasks, warmupTasks, seed);
        }

        public Options withTasks(int n, int baseline) {
            return new Options(levels, columns, rows, robots, n, baseline, warmupTasks, seed);
        }

        public Options withWarmupTasks(int n) {
            return new Options(levels, columns, rows, robots, tasks, baselineTasks, n, seed);
        }

        public Options withSeed(long newSeed) {
            return new Options(levels, columns, rows, robots, tasks, baselineTasks, warmupTasks, newSeed);
        }
    }

    /**
     * @param assigned           tasks given to a robot; the rest no robot could reach or finish
     * @param tasksPerSecond     subject decisions per second of decision time
     * @param p99Millis          99th percentile of the subject's time per decision
     * @param baselineMeanMillis the baseline's mean time per decision over its sample
     */
    public record Result(int waypoints, int tasks, int assigned, double tasksPerSecond, double p99Millis,
                         double meanMillis, int baselineTasks, double baselineMeanMillis) {

        public double ratio() {
            return baselineMeanMillis / meanMillis;
        }

        public String summaryLine() {
            return String.format(Locale.ROOT, "dispatch: %d tasks/s, p99 %.2f ms per decision, %.1fx baseline",
                    Math.round(tasksPerSecond), p99Millis, ratio());
        }
    }

    /** The robot chosen and when it would finish; robot -1 when no robot can do the task. */
    record Decision(int robot, double finish) {
        static final Decision NONE = new Decision(-1, Double.POSITIVE_INFINITY);
    }

    record Task(int pickup, int dropoff) {
    }

    /** Where each robot will be and until when it is busy, after the tasks already assigned to it. */
    static final class Fleet {
        final int[] at;
        final double[] busyUntil;

        Fleet(int[] at) {
            this.at = at;
            this.busyUntil = new double[at.length];
        }

        Fleet copy() {
            Fleet copy = new Fleet(at.clone());
            System.arraycopy(busyUntil, 0, copy.busyUntil, 0, busyUntil.length);
            return copy;
        }

        void assign(Decision decision, Task task) {
            if (decision.robot() < 0) return;
            at[decision.robot()] = task.dropoff();
            busyUntil[decision.robot()] = decision.finish();
        }
    }

    /** Monday 2 June 2025, 10:00 in Seoul: the weekday caution zones are in force. */
    static final Instant PLANNED_AT = ZonedDateTime.of(2025, 6, 2, 10, 0, 0, 0, GridSite.TIME_ZONE).toInstant();
    static final RobotClass FLEET_CLASS = new RobotClass("DELIVERY", "bench", 1.2, true);
    /** Finishes this close are a tie, broken by the lower robot number: the two planners add costs in other orders. */
    private static final double TIE = 1e-9;

    private DispatchBenchmark() {
    }

    /** @throws IllegalStateException when the subject and the baseline disagree on a sampled task */
    public static Result run(Options options, PrintStream out) {
        out.printf(Locale.ROOT, "dispatch bench: %d levels of %d x %d waypoints, %d robots, %d tasks, baseline on %d of them%n",
                options.levels(), options.columns(), options.rows(), options.robots(), options.tasks(), options.baselineTasks());
        long t0 = System.nanoTime();
        GridSite.Generated generated = GridSite.generate(options.levels(), options.columns(), options.rows(), options.seed());
        SiteRouting routing = new SiteRouting(generated.site(), ZoneSet.of(generated.zones()), GeofenceConfig.defaults(),
                RoutingConfig.defaults());
        long t1 = System.nanoTime();
        SiteRouter router = routing.router(FLEET_CLASS, PLANNED_AT);
        long t2 = System.nanoTime();
        TextbookDijkstra baseline = new TextbookDijkstra(router);
        int lanes = generated.site().levels().stream().mapToInt(l -> l.lanes().size()).sum();
        out.printf(Locale.ROOT, "dispatch bench: site generated with %d waypoints, %d lanes, %d elevator cars, %d zones in %.2f s;"
                        + " router built in %.2f s: %d edges, %d lanes excluded by zones%n",
                router.waypointCount(), lanes, generated.site().elevatorCars().size(), generated.zones().size(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, router.edgeCount(), router.excludedLaneCount());

        Random random = new Random(options.seed() + 1);
        Fleet fleet = new Fleet(random.ints(options.robots(), 0, router.waypointCount()).toArray());
        List<Task> tasks = tasks(options.tasks(), router.waypointCount(), random);
        warmUp(router, baseline, fleet, tasks(options.warmupTasks(), router.waypointCount(), random), out);

        int every = options.tasks() / options.baselineTasks();
        long[] nanos = new long[options.tasks()];
        long baselineNanos = 0;
        int sampled = 0;
        int assigned = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            Decision expected = null;
            if (i % every == 0 && sampled < options.baselineTasks()) {
                long start = System.nanoTime();
                expected = decideWithBaseline(baseline, fleet, task);
                baselineNanos += System.nanoTime() - start;
                sampled++;
            }
            long start = System.nanoTime();
            Decision decision = decide(router, fleet, task);
            nanos[i] = System.nanoTime() - start;
            if (expected != null && !agree(decision, expected)) {
                disagreements.add(String.format(Locale.ROOT, "task %d (%s -> %s): router chose robot %d finishing at %.6f s,"
                                + " baseline chose robot %d finishing at %.6f s", i, router.waypointId(task.pickup()),
                        router.waypointId(task.dropoff()), decision.robot(), decision.finish(), expected.robot(), expected.finish()));
            }
            fleet.assign(decision, task);
            if (decision.robot() >= 0) assigned++;
            if ((i + 1) % Math.max(1, options.tasks() / 10) == 0 || i + 1 == tasks.size()) {
                out.printf(Locale.ROOT, "dispatch bench: %d/%d tasks decided (%d assigned), baseline on %d so far%n",
                        i + 1, tasks.size(), assigned, sampled);
            }
        }
        for (String d : disagreements) out.println("dispatch bench: ERROR: " + d);
        if (!disagreements.isEmpty()) {
            throw new IllegalStateException("dispatch bench: router and baseline disagreed on " + disagreements.size()
                    + " of " + sampled + " sampled tasks; first: " + disagreements.get(0));
        }
        double totalSeconds = Arrays.stream(nanos).sum() / 1e9;
        double baselineMean = baselineNanos / 1e6 / sampled;
        Result result = new Result(router.waypointCount(), tasks.size(), assigned, tasks.size() / totalSeconds,
                percentile(nanos, 0.99) / 1e6, totalSeconds * 1e3 / tasks.size(), sampled, baselineMean);
        out.printf(Locale.ROOT, "dispatch bench: router: %d decisions in %.2f s, mean %.3f ms, p99 %.3f ms per decision%n",
                tasks.size(), totalSeconds, result.meanMillis(), result.p99Millis());
        out.printf(Locale.ROOT, "dispatch bench: baseline (textbook Dijkstra per robot-pickup pair): %d sampled decisions,"
                        + " mean %.1f ms per decision, extrapolated to %.0f s for all %d tasks; both chose the same robot on every sample%n",
                sampled, baselineMean, baselineMean * tasks.size() / 1e3, tasks.size());
        out.println(result.summaryLine());
        return result;
    }

    private static void warmUp(SiteRouter router, TextbookDijkstra baseline, Fleet fleet, List<Task> warmup, PrintStream out) {
        if (warmup.isEmpty()) return;
        long start = System.nanoTime();
        Fleet scratch = fleet.copy();
        for (Task task : warmup) scratch.assign(decide(router, scratch, task), task);
        decideWithBaseline(baseline, fleet.copy(), warmup.get(0));
        out.printf(Locale.ROOT, "dispatch bench: warmed up on %d router decisions and 1 baseline decision in %.2f s%n",
                warmup.size(), (System.nanoTime() - start) / 1e9);
    }

    private static List<Task> tasks(int count, int waypoints, Random random) {
        List<Task> tasks = new ArrayList<>(count);
        while (tasks.size() < count) {
            int pickup = random.nextInt(waypoints);
            int dropoff = random.nextInt(waypoints);
            if (pickup != dropoff) tasks.add(new Task(pickup, dropoff));
        }
        return tasks;
    }

    /** The subject: one search to the dropoff, one reverse search from the pickup that prices every robot at once. */
    static Decision decide(SiteRouter router, Fleet fleet, Task task) {
        double carry = router.seconds(task.pickup(), task.dropoff());
        if (carry == Double.POSITIVE_INFINITY) return Decision.NONE;
        double[] toPickup = router.secondsTo(task.pickup());
        double[] finish = new double[fleet.at.length];
        for (int r = 0; r < finish.length; r++) finish[r] = fleet.busyUntil[r] + toPickup[fleet.at[r]] + carry;
        return earliest(finish);
    }

    /** The baseline: one textbook search per robot to the pickup, and one to the dropoff. */
    static Decision decideWithBaseline(TextbookDijkstra baseline, Fleet fleet, Task task) {
        double carry = baseline.seconds(task.pickup(), task.dropoff());
        if (carry == Double.POSITIVE_INFINITY) return Decision.NONE;
        double[] finish = new double[fleet.at.length];
        for (int r = 0; r < finish.length; r++) {
            finish[r] = fleet.busyUntil[r] + baseline.seconds(fleet.at[r], task.pickup()) + carry;
        }
        return earliest(finish);
    }

    private static Decision earliest(double[] finish) {
        double best = Double.POSITIVE_INFINITY;
        for (double f : finish) best = Math.min(best, f);
        if (best == Double.POSITIVE_INFINITY) return Decision.NONE;
        double tie = best + TIE * Math.max(1, best);
        for (int r = 0; r < finish.length; r++) {
            if (finish[r] <= tie) return new Decision(r, finish[r]);
        }
        throw new AssertionError("the earliest finish " + best + " was not found again");
    }

    static boolean agree(Decision a, Decision b) {
        if (a.robot() != b.robot()) return false;
        if (a.robot() < 0) return true;
        return Math.abs(a.finish() - b.finish()) <= 1e-6 * Math.max(1, Math.abs(b.finish()));
    }

    private static double percentile(long[] values, double fraction) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))];
    }

    /** {@code DispatchBenchmark [--robots N] [--tasks N] [--baseline-tasks N] [--seed N]} */
    public static void main(String[] args) {
        Options options = Options.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) throw new IllegalArgumentException(name + ": needs a value");
                String value = args[++i];
                options = switch (name) {
                    case "--robots" -> options.withRobots(whole(name, value));
                    case "--tasks" -> options.withTasks(whole(name, value), Math.min(options.baselineTasks(), whole(name, value)));
                    case "--baseline-tasks" -> options.withTasks(options.tasks(), whole(name, value));
                    case "--seed" -> options.withSeed(whole(name, value));
                    default -> throw new IllegalArgumentException("unknown argument '" + name
                            + "'; usage: bench dispatch [--robots N] [--tasks N] [--baseline-tasks N] [--seed N]");
                };
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        try {
            run(options, System.out);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static int whole(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number, got '" + value + "'");
        }
    }
}
