package dev.provingground.bench.server;

import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.index.ZoneSet;
import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.elevator.CarAvailability;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.tasks.DispatchDecision;
import dev.provingground.server.tasks.Dispatcher;
import dev.provingground.server.tasks.Stop;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskCategory;
import dev.provingground.server.tasks.TaskRequest;
import dev.provingground.site.Charger;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;
import dev.provingground.site.routing.RobotClass;
import dev.provingground.site.routing.RoutingConfig;
import dev.provingground.site.routing.SiteRouter;
import dev.provingground.site.routing.SiteRouting;
import dev.provingground.bench.routing.GridSite;
import dev.provingground.bench.routing.TextbookDijkstra;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code bench dispatch}: the server's own {@link Dispatcher} choosing, task after task, the robot that finishes each
 * earliest, on a large generated building ({@link GridSite}) with the robots in a real registry (MapDB in a scratch
 * directory) and the zones in a real zone service. Each decision prices the task for every robot — its way to the
 * pickup, the carry to the dropoff, the way on to the nearest charger, and the energy for all of it against its
 * battery — and the chosen robot then reports itself at the dropoff, as if it had done the task.
 *
 * <p>The baseline prices the same decisions the textbook way: one plain Dijkstra ({@link TextbookDijkstra}) per
 * (robot, pickup) pair on the same edges and costs, plus the carry and the way to a charger. It is too slow to run on
 * every task, so it decides an evenly spread sample of them on the same fleet state, and its time per decision is
 * extrapolated. On every sample the dispatcher's choice must cost what the baseline's best costs, or the run fails.
 * Ends with the line {@code dispatch: <tasks/s> tasks/s, p99 <ms> ms per decision, <ratio>x baseline}.
 */
public final class DispatchBenchmark {

    /**
     * @param levels        floors of the generated building, at least 2
     * @param columns       waypoints per row of each level's grid
     * @param rows          waypoints per column of each level's grid
     * @param robots        robots in the fleet, all elevator-capable indoor delivery robots of one firm
     * @param tasks         tasks to assign
     * @param baselineTasks how many of the tasks the baseline also decides, spread evenly
     * @param warmupTasks   decisions the dispatcher makes before it is measured, for the JIT
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
            return new Options(5, 40, 25, 500, 1000, 20, 300, 20_250_602L);
        }

        public Options withGrid(int newLevels, int newColumns, int newRows) {
            return new Options(newLevels, newColumns, newRows, robots, tasks, baselineTasks, warmupTasks, seed);
        }

        public Options withRobots(int n) {
            return new Options(levels, columns, rows, n, tasks, baselineTasks, warmupTasks, seed);
        }

        /** Sets the task count; the baseline sample shrinks with it when it would not fit. */
        public Options withTasks(int n) {
            return new Options(levels, columns, rows, robots, n, Math.max(1, Math.min(baselineTasks, n)), warmupTasks, seed);
        }

        public Options withBaselineTasks(int n) {
            return new Options(levels, columns, rows, robots, tasks, n, warmupTasks, seed);
        }

        public Options withWarmupTasks(int n) {
            return new Options(levels, columns, rows, robots, tasks, baselineTasks, n, seed);
        }
    }

    /**
     * @param assigned           tasks given to a robot; the rest no robot could reach or finish
     * @param tasksPerSecond     decisions per second of decision time
     * @param p99Millis          99th percentile of the dispatcher's time per decision
     * @param baselineMeanMillis the baseline's mean time per decision over its sample
     */
    public record Result(int waypoints, int robots, int tasks, int assigned, double tasksPerSecond, double p99Millis,
                         double meanMillis, int baselineTasks, double baselineMeanMillis) {

        public double ratio() {
            return baselineMeanMillis / meanMillis;
        }

        public String summaryLine() {
            return String.format(Locale.ROOT, "dispatch: %d tasks/s, p99 %.2f ms per decision, %.1fx baseline",
                    Math.round(tasksPerSecond), p99Millis, ratio());
        }
    }

    static final String FIRM = "bench";
    static final String PROFILE = "indoor-delivery";
    /** Monday 2 June 2025, 10:00 in Seoul: the weekday caution zones are in force. */
    static final Instant PLANNED_AT = ZonedDateTime.of(2025, 6, 2, 10, 0, 0, 0, GridSite.TIME_ZONE).toInstant();
    /** Costs this close are the same cost: the two planners add the same terms in other orders. */
    private static final double SAME_COST = 1e-6;

    private DispatchBenchmark() {
    }

    /** @throws IllegalStateException when the dispatcher's choice costs more than the baseline's best on a sample */
    public static Result run(Options options, PrintStream out) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("pg-bench-dispatch");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory for the benchmark's MapDB", e);
        }
        try {
            return run(options, scratch, out);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static Result run(Options options, Path scratch, PrintStream out) {
        out.printf(Locale.ROOT, "dispatch bench: %d levels of %d x %d waypoints, %d robots, %d tasks, baseline on %d of them%n",
                options.levels(), options.columns(), options.rows(), options.robots(), options.tasks(), options.baselineTasks());
        long t0 = System.nanoTime();
        GridSite.Generated generated = GridSite.generate(options.levels(), options.columns(), options.rows(), options.seed());
        Site site = generated.site();
        List<Waypoint> waypoints = site.levels().stream().flatMap(l -> l.waypoints().stream()).toList();
        Clock clock = Clock.fixed(PLANNED_AT, ZoneOffset.UTC);
        ProfileCatalog profiles = ProfileCatalog.builtIn();
        HardwareProfile profile = profiles.find(PROFILE).orElseThrow();

        try (DispatchFleet server = DispatchFleet.open(scratch, generated, profiles, clock)) {
            Random random = new Random(options.seed() + 1);
            List<Robot> fleet = server.register(options.robots(), FIRM, PROFILE, waypoints, random);
            List<String> ids = fleet.stream().map(Robot::id).toList();
            long t1 = System.nanoTime();
            out.printf(Locale.ROOT, "dispatch bench: site of %d waypoints, %d elevator cars, %d chargers, %d zones; %d robots"
                            + " registered and reporting in %.2f s%n", waypoints.size(), site.elevatorCars().size(),
                    site.chargers().size(), generated.zones().size(), fleet.size(), (t1 - t0) / 1e9);

            Dispatcher dispatcher = new Dispatcher(server.sites, server.zones, server.registry, profiles,
                    CarAvailability.EVERY_CAR);
            SiteRouter router = new SiteRouting(site, ZoneSet.of(generated.zones()), GeofenceConfig.defaults(),
                    RoutingConfig.defaults()).router(new RobotClass(profile.service().kind().name(), FIRM,
                    profile.speedCapMps(), profile.service().elevatorCapable()), PLANNED_AT);
            Baseline baseline = new Baseline(new TextbookDijkstra(router), router, site);

            List<Task> warmup = tasks(options.warmupTasks(), waypoints, random, "warmup");
            long w0 = System.nanoTime();
            for (Task task : warmup) dispatcher.choose(task, Set.of(), PLANNED_AT);
            if (!warmup.isEmpty()) baseline.decide(warmup.get(0), ids, server.positions(fleet));
            out.printf(Locale.ROOT, "dispatch bench: warmed up on %d dispatcher decisions and 1 baseline decision in %.2f s%n",
                    warmup.size(), (System.nanoTime() - w0) / 1e9);

            List<Task> tasks = tasks(options.tasks(), waypoints, random, "task");
            int every = options.tasks() / options.baselineTasks();
            long[] nanos = new long[tasks.size()];
            long baselineNanos = 0;
            int sampled = 0;
            int assigned = 0;
            List<String> disagreements = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                Baseline.Choice expected = null;
                if (i % every == 0 && sampled < options.baselineTasks()) {
                    List<Waypoint> at = server.positions(fleet);
                    long start = System.nanoTime();
                    expected = baseline.decide(task, ids, at);
                    baselineNanos += System.nanoTime() - start;
                    sampled++;
                }
                long start = System.nanoTime();
                Dispatcher.Outcome outcome = dispatcher.choose(task, Set.of(), PLANNED_AT);
                nanos[i] = System.nanoTime() - start;
                if (expected != null) {
                    String disagreement = disagreement(outcome, expected, task);
                    if (disagreement != null) disagreements.add("task " + i + ": " + disagreement);
                }
                if (outcome.robot().isPresent()) {
                    assigned++;
                    Stop dropoff = task.request().stops().get(task.request().stops().size() - 1);
                    server.report(fleet.get(ids.indexOf(outcome.robot().get())),
                            site.level(dropoff.level()).orElseThrow().waypoint(dropoff.waypoint()).orElseThrow());
                }
                if ((i + 1) % Math.max(1, tasks.size() / 10) == 0 || i + 1 == tasks.size()) {
                    out.printf(Locale.ROOT, "dispatch bench: %d/%d tasks decided (%d assigned), baseline on %d so far%n",
                            i + 1, tasks.size(), assigned, sampled);
                }
            }
            for (String d : disagreements) out.println("dispatch bench: ERROR: " + d);
            if (!disagreements.isEmpty()) {
                throw new IllegalStateException("dispatch bench: dispatcher and baseline disagreed on " + disagreements.size()
                        + " of " + sampled + " sampled tasks; first: " + disagreements.get(0));
            }
            double totalSeconds = Arrays.stream(nanos).sum() / 1e9;
            double baselineMean = baselineNanos / 1e6 / sampled;
            Result result = new Result(waypoints.size(), fleet.size(), tasks.size(), assigned, tasks.size() / totalSeconds,
                    percentile(nanos, 0.99) / 1e6, totalSeconds * 1e3 / tasks.size(), sampled, baselineMean);
            out.printf(Locale.ROOT, "dispatch bench: dispatcher: %d decisions in %.2f s, mean %.3f ms, p99 %.3f ms per decision%n",
                    tasks.size(), totalSeconds, result.meanMillis(), result.p99Millis());
            out.printf(Locale.ROOT, "dispatch bench: baseline (textbook Dijkstra per robot-pickup pair): %d sampled decisions,"
                            + " mean %.1f ms per decision, extrapolated to %.0f s for all %d tasks; the dispatcher's choice"
                            + " cost the baseline's best on every sample%n",
                    sampled, baselineMean, baselineMean * tasks.size() / 1e3, tasks.size());
            out.println(result.summaryLine());
            return result;
        }
    }

    /** Null when the dispatcher chose a robot whose cost is the baseline's best, and the baseline agrees on it. */
    static String disagreement(Dispatcher.Outcome outcome, Baseline.Choice expected, Task task) {
        if (outcome.robot().isEmpty() || expected.robot() == null) {
            return outcome.robot().isEmpty() == (expected.robot() == null) ? null
                    : "dispatcher chose " + outcome.robot().orElse("no robot") + " (" + outcome.reason() + "), baseline "
                    + (expected.robot() == null ? "no robot" : expected.robot()) + " for " + describe(task);
        }
        String chosen = outcome.robot().get();
        double seconds = outcome.decision().candidates().stream().filter(c -> c.robot().equals(chosen))
                .map(DispatchDecision.Candidate::finishSeconds).findFirst().orElseThrow();
        double baselineForChosen = expected.secondsOf(chosen);
        if (!same(baselineForChosen, expected.seconds()) || !same(seconds, baselineForChosen)) {
            return String.format(Locale.ROOT, "%s: dispatcher chose %s at %.6f s (baseline prices it at %.6f s),"
                    + " baseline's best is %s at %.6f s", describe(task), chosen, seconds, baselineForChosen,
                    expected.robot(), expected.seconds());
        }
        return null;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= SAME_COST * Math.max(1, Math.abs(b));
    }

    private static String describe(Task task) {
        return task.request().stops().get(0).waypoint() + " -> " + task.request().stops().get(1).waypoint();
    }

    /** Deliveries between random waypoints of any levels, as the task planner would build them. */
    private static List<Task> tasks(int count, List<Waypoint> waypoints, Random random, String prefix) {
        List<Task> tasks = new ArrayList<>(count);
        while (tasks.size() < count) {
            Waypoint pickup = waypoints.get(random.nextInt(waypoints.size()));
            Waypoint dropoff = waypoints.get(random.nextInt(waypoints.size()));
            if (pickup.equals(dropoff)) continue;
            List<Stop> stops = List.of(
                    Stop.at("pickup at " + pickup.id(), levelOf(pickup), pickup.id(), Stop.StopAction.of("pick")),
                    Stop.at("dropoff at " + dropoff.id(), levelOf(dropoff), dropoff.id(), Stop.StopAction.of("drop")));
            tasks.add(Task.queued(new TaskRequest(prefix + "-" + tasks.size(), GridSite.SITE_ID, TaskCategory.DELIVERY,
                    null, null, 0, List.of(), "bench", null, List.of(), "DELIVERY", null, stops, PLANNED_AT)));
        }
        return tasks;
    }

    /** Grid waypoint ids start with their level id: {@code L3-12-7} is on {@code L3}. */
    private static String levelOf(Waypoint waypoint) {
        return waypoint.id().substring(0, waypoint.id().indexOf('-'));
    }

    /**
     * The textbook decision: for every robot, a plain Dijkstra to the pickup; then the carry, the way from the dropoff
     * to the nearest charger and the handover time, which are the same for every robot.
     */
    static final class Baseline {
        private final TextbookDijkstra dijkstra;
        private final SiteRouter router;
        private final Site site;

        Baseline(TextbookDijkstra dijkstra, SiteRouter router, Site site) {
            this.dijkstra = dijkstra;
            this.router = router;
            this.site = site;
        }

        record Choice(String robot, double seconds, List<String> robots, double[] secondsEach) {
            double secondsOf(String id) {
                return secondsEach[robots.indexOf(id)];
            }
        }

        /** @param at where each robot of {@code ids} stands; ties go to the first, as in the dispatcher */
        Choice decide(Task task, List<String> ids, List<Waypoint> at) {
            int pickup = router.waypointIndex(task.request().stops().get(0).waypoint());
            int dropoff = router.waypointIndex(task.request().stops().get(1).waypoint());
            double carry = dijkstra.seconds(pickup, dropoff);
            double toCharger = Double.POSITIVE_INFINITY;
            for (Charger c : site.chargers()) toCharger = Math.min(toCharger, dijkstra.seconds(dropoff, router.waypointIndex(c.waypoint())));
            double rest = carry + (Double.isFinite(toCharger) ? toCharger : 0);
            double handovers = Dispatcher.ACTION_SECONDS * task.request().stops().stream().mapToInt(s -> s.actions().size()).sum();
            double[] each = new double[at.size()];
            String best = null;
            double bestSeconds = Double.POSITIVE_INFINITY;
            for (int r = 0; r < at.size(); r++) {
                each[r] = dijkstra.seconds(router.waypointIndex(at.get(r).id()), pickup) + rest + handovers;
                if (each[r] < bestSeconds) {
                    bestSeconds = each[r];
                    best = ids.get(r);
                }
            }
            if (!Double.isFinite(carry)) return new Choice(null, Double.POSITIVE_INFINITY, ids, each);
            return new Choice(best, bestSeconds, ids, each);
        }
    }

    private static double percentile(long[] values, double fraction) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))];
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory under the system temp dir; the OS cleans what is left
        }
    }
}
