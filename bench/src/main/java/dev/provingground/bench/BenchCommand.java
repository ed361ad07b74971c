package dev.provingground.bench;

import dev.provingground.bench.agent.AgentBenchmark;
import dev.provingground.bench.console.ConsoleBenchmark;
import dev.provingground.bench.garbage.GarbageBenchmark;
import dev.provingground.bench.geofence.GeofenceBenchmark;
import dev.provingground.bench.ingest.IngestBenchmark;
import dev.provingground.bench.server.LanesBenchmark;
import dev.provingground.sim.load.LoadOptions;
import dev.provingground.server.wiring.Logging;
import dev.provingground.bench.server.DispatchBenchmark;
import dev.provingground.bench.server.EnforcementBenchmark;
import dev.provingground.bench.server.HistoryBenchmark;
import dev.provingground.bench.trackrecord.TrackRecordBenchmark;
import dev.provingground.bench.report.ReportBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./proving-ground bench …}: each benchmark measures its subject against a baseline in the same run and ends
 * with one summary line; docs/BENCHMARKS.md records the figures and the machine. The main class of
 * {@code target/proving-ground-bench.jar}, which the launcher runs for {@code bench}.
 */
@Command(name = "proving-ground bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; each ends with one summary line (see docs/BENCHMARKS.md).",
        subcommands = {BenchCommand.Geofence.class, BenchCommand.Enforcement.class, BenchCommand.TrackRecord.class,
                BenchCommand.Dispatch.class, BenchCommand.Agent.class, BenchCommand.Console.class,
                BenchCommand.Report.class, BenchCommand.History.class, BenchCommand.Ingest.class,
                BenchCommand.Lanes.class, BenchCommand.Garbage.class})
public final class BenchCommand implements Runnable {

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) System.exit(code);
    }

    /**
     * The command line every benchmark runs under. A benchmark's options refuse a value out of range with an
     * {@link IllegalArgumentException} that names the option; that is a usage error: its message and exit code 2,
     * not a stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (!(e instanceof IllegalArgumentException)) throw e;
                    cmd.getErr().println(e.getMessage());
                    return 2;
                });
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "geofence", mixinStandardHelpOptions = true,
            description = "Single-threaded zone evaluations per second, indexed engine against a naive scan.")
    static final class Geofence implements Callable<Integer> {

        @Option(names = "--zones", defaultValue = "10000", description = "random valid polygons on a 1 km² level (default: ${DEFAULT-VALUE})")
        int zones;

        @Override
        public Integer call() {
            Logging.configure(false);
            GeofenceBenchmark.run(GeofenceBenchmark.Options.defaults().withZones(zones), System.out);
            return 0;
        }
    }

    @Command(name = "enforcement", mixinStandardHelpOptions = true,
            description = "Latency from a robot's offending state to its receiving startPause, against the MQTT round trip.")
    static final class Enforcement implements Callable<Integer> {

        @Option(names = "--robots", defaultValue = "100", description = "robots connected (default: ${DEFAULT-VALUE})")
        int robots;

        @Option(names = "--violations", defaultValue = "1000", description = "violations measured (default: ${DEFAULT-VALUE})")
        int violations;

        @Option(names = "--robot-lanes", defaultValue = "0", paramLabel = "N",
                description = "the server's mqtt.robotLanes (default: 0, automatic as for serve)")
        int robotLanes;

        @Option(names = "--warmup", defaultValue = "15", paramLabel = "SECONDS",
                description = "least seconds of violations and pings before measuring (default: ${DEFAULT-VALUE})")
        int warmup;

        @Override
        public Integer call() {
            Logging.configure(false);
            var result = EnforcementBenchmark.run(EnforcementBenchmark.Options.defaults().withRobots(robots)
                    .withViolations(violations).withRobotLanes(robotLanes).withWarmupSeconds(warmup), System.out);
            return result.everyViolationPaused() ? 0 : 1;
        }
    }

    @Command(name = "lanes", mixinStandardHelpOptions = true,
            description = "States per second the server handles with its robot traffic on its lanes, against the same"
                    + " server on one event loop; states handed in without sockets, so nothing else shares the machine.")
    static final class Lanes implements Callable<Integer> {

        @Option(names = "--robots", defaultValue = "1000", description = "robots (default: ${DEFAULT-VALUE})")
        int robots;

        @Option(names = "--duration", defaultValue = "20", paramLabel = "SECONDS",
                description = "measured window of each phase (default: ${DEFAULT-VALUE})")
        int duration;

        @Option(names = "--warmup", defaultValue = "10", paramLabel = "SECONDS",
                description = "handing in states before measuring, per phase (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--robot-lanes", defaultValue = "0", paramLabel = "N",
                description = "lanes of the second phase (default: 0, one per core)")
        int robotLanes;

        @Override
        public Integer call() {
            Logging.configure(false);
            LanesBenchmark.Options options;
            try {
                options = new LanesBenchmark.Options(robots, warmup, duration, robotLanes);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            LanesBenchmark.run(options, System.out);
            return 0;
        }
    }

    @Command(name = "garbage", mixinStandardHelpOptions = true,
            description = "Bytes allocated and time per state decoded, against parsing it into a Jackson tree, and per"
                    + " crash-safe store commit, against MapDB's own transactional commit.")
    static final class Garbage implements Callable<Integer> {

        @Option(names = "--decodes", defaultValue = "300000", description = "states decoded (default: ${DEFAULT-VALUE})")
        int decodes;

        @Option(names = "--commits", defaultValue = "1000", description = "commits made (default: ${DEFAULT-VALUE})")
        int commits;

        @Override
        public Integer call() {
            Logging.configure(false);
            GarbageBenchmark.run(new GarbageBenchmark.Options(decodes, commits), System.out);
            return 0;
        }
    }

    @Command(name = "track-record", mixinStandardHelpOptions = true,
            description = "Durable appends per second against plain MapDB, and verification against raw SHA-256.")
    static final class TrackRecord implements Callable<Integer> {

        @Override
        public Integer call() {
            Logging.configure(false);
            TrackRecordBenchmark.run(TrackRecordBenchmark.Options.defaults(), System.out);
            return 0;
        }
    }

    @Command(name = "dispatch", mixinStandardHelpOptions = true,
            description = "The server's dispatcher choosing the earliest-finishing robot per task on a 5-level site,"
                    + " against plain Dijkstra per robot-pickup pair.")
    static final class Dispatch implements Callable<Integer> {

        @Option(names = "--robots", defaultValue = "500", description = "robots (default: ${DEFAULT-VALUE})")
        int robots;

        @Option(names = "--tasks", defaultValue = "1000", description = "tasks (default: ${DEFAULT-VALUE})")
        int tasks;

        @Override
        public Integer call() {
            Logging.configure(false);
            try {
                DispatchBenchmark.run(DispatchBenchmark.Options.defaults().withRobots(robots).withTasks(tasks), System.out);
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                System.err.println(e.getMessage());
                return e instanceof IllegalArgumentException ? 2 : 1;
            }
        }
    }

    @Command(name = "agent", mixinStandardHelpOptions = true,
            description = "The robot agent's CPU time per ROS message (odom 50 Hz, pose 10 Hz, battery 1 Hz) against a bare"
                    + " WebSocket client that only parses them, and its resident memory.")
    static final class Agent implements Callable<Integer> {

        @Option(names = "--messages", defaultValue = "100000", description = "messages per measured burst (default: ${DEFAULT-VALUE})")
        int messages;

        @Option(names = "--rounds", defaultValue = "5", description = "measured bursts (default: ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--child-jvm", paramLabel = "OPTIONS",
                description = "options of the agent's and the bare client's JVMs (default: the agent's recommended ones, "
                        + "-Xmx64m -XX:+UseSerialGC)")
        String childJvm;

        @Override
        public Integer call() {
            Logging.configure(false);
            AgentBenchmark.Options options = AgentBenchmark.Options.defaults().withMessages(messages).withRounds(rounds);
            if (childJvm != null) options = options.withJvmOptions(List.of(childJvm.trim().split("\\s+")));
            AgentBenchmark.run(options, System.out);
            return 0;
        }
    }

    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "The console's live map in headless chromium with a large fleet on one level: long tasks"
                    + " (p95, p50, max, blocked time) and main-thread busy time against the same page with a small fleet;"
                    + " fails if the markers stop moving.")
    static final class Console implements Callable<Integer> {

        @Option(names = "--robots", defaultValue = "1000", description = "robots on the measured level (default: ${DEFAULT-VALUE})")
        int robots;

        @Option(names = "--baseline-robots", defaultValue = "10", description = "robots on the baseline level (default: ${DEFAULT-VALUE})")
        int baselineRobots;

        @Option(names = "--seconds", defaultValue = "30", description = "length of each measured window (default: ${DEFAULT-VALUE})")
        int seconds;

        @Override
        public Integer call() {
            Logging.configure(false);
            ConsoleBenchmark.Options options;
            try {
                options = ConsoleBenchmark.Options.defaults().withRobots(robots).withBaselineRobots(baselineRobots)
                        .withSeconds(seconds);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            try {
                ConsoleBenchmark.Result result = ConsoleBenchmark.run(options, System.out);
                if (result.markersKeptMoving()) return 0;
                System.err.println("console bench: the markers stopped moving: in a slice, fewer than half as many markers "
                        + "moved as robots the server saw move, or none moved (see the slices above)");
                return 1;
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Seconds to draw the PDF report of a bundle, against the seconds verify takes on the same bundle.")
    static final class Report implements Callable<Integer> {

        @Option(names = "--events", defaultValue = "1000000", description = "events in the bundle (default: ${DEFAULT-VALUE})")
        int events;

        @Override
        public Integer call() {
            Logging.configure(false);
            ReportBenchmark.run(ReportBenchmark.Options.defaults().withEvents(events), System.out);
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "The event loop's CPU and task submission time with months of finished tasks in the store, "
                    + "against the same run with none.")
    static final class History implements Callable<Integer> {

        @Option(names = "--robots", defaultValue = "2000", description = "robots reporting at 1 Hz (default: ${DEFAULT-VALUE})")
        int robots;

        @Option(names = "--finished-tasks", defaultValue = "100000", description = "finished tasks in the store in the second phase (default: ${DEFAULT-VALUE})")
        int finishedTasks;

        @Option(names = "--seconds", defaultValue = "30", description = "seconds measured per phase (default: ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--warmup-seconds", defaultValue = "15", description = "seconds of warm-up per phase (default: ${DEFAULT-VALUE})")
        int warmupSeconds;

        @Override
        public Integer call() {
            Logging.configure(false);
            var result = HistoryBenchmark.run(new HistoryBenchmark.Options(robots, finishedTasks, seconds,
                    warmupSeconds), System.out);
            return result.with().failedSubmissions() == 0 ? 0 : 1;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "States per second the server handles to the end from N robots over MQTT (server in its own JVM),"
                    + " with enforcement p50/p99, server CPU and heap, against Mosquitto forwarding the same messages.")
    static final class Ingest implements Callable<Integer> {

        @Mixin
        LoadOptions load = new LoadOptions();

        @Option(names = "--duration", defaultValue = "30", paramLabel = "SECONDS",
                description = "measured window of each phase (default: ${DEFAULT-VALUE})")
        int duration;

        @Option(names = "--warmup", defaultValue = "10", paramLabel = "SECONDS",
                description = "publishing before measuring, per phase (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--server-jvm", paramLabel = "OPTIONS",
                description = "options of the server's JVM (default: -Xms1g -Xmx1g -XX:+AlwaysPreTouch)")
        String serverJvm;

        @Option(names = "--robot-lanes", defaultValue = "0", paramLabel = "N",
                description = "the server's mqtt.robotLanes: event loops robot traffic is spread over (default: 0,"
                        + " automatic as for serve)")
        int robotLanes;

        @Option(names = "--single-loop",
                description = "also run the same server on one event loop (mqtt.robotLanes 1) and give the ratio")
        boolean singleLoop;

        @Override
        public Integer call() {
            Logging.configure(false);
            IngestBenchmark.Options options;
            try {
                options = IngestBenchmark.Options.defaults().withLoad(load.settings()).withSeconds(duration)
                        .withWarmupSeconds(warmup).withRobotLanes(robotLanes).withSingleLoop(singleLoop);
                if (serverJvm != null) options = options.withServerJvm(List.of(serverJvm.trim().split("\\s+")));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            try {
                IngestBenchmark.run(options, System.out);
                return 0;
            } catch (IllegalStateException e) {
                System.err.println("ingest bench: " + e.getMessage());
                return 1;
            }
        }
    }
}
