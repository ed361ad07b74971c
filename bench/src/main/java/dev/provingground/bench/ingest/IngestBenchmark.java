package dev.provingground.bench.ingest;

import dev.provingground.bench.EventLoopLoad;
import dev.provingground.sim.load.LoadCounts;
import dev.provingground.sim.load.LoadGenerator;
import dev.provingground.sim.load.LoadLogin;
import dev.provingground.sim.load.LoadRegistration;
import dev.provingground.sim.load.LoadSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code ./proving-ground bench ingest}: how many robot states a second the server handles to the end (decoded,
 * evaluated against the zones, sampled for the track record — its {@code pg_robot_states_handled_total}), with the
 * enforcement latency under that load, the server's CPU and heap. The server runs in a JVM of its own; the load comes
 * from the sim module's generator ({@link LoadGenerator}) in this JVM: N robots as MQTT connections over several
 * event loops, a share of them crossing a PAUSE keep-out zone. Baseline, in the same run from the same generator with
 * the same settings: Debian's Mosquitto forwarding the same states to one subscriber. The generator's own CPU is
 * measured, so a result it limited says so. Ends with the line
 * {@code ingest: <msgs/s> states/s with <N> robots, p99 enforcement <ms> ms, <ratio>x Mosquitto forwarding}.
 */
public final class IngestBenchmark {

    /** The acceptance target for enforcement under load. */
    static final double TARGET_P99_MILLIS = 20;
    /** The acceptance target for the API under load. */
    static final double TARGET_API_P99_MILLIS = 100;
    /** The acceptance target for robot traffic over several event loops against one. */
    static final double TARGET_LANES_RATIO = 1.6;

    /**
     * @param load          what the generator offers
     * @param warmupSeconds publishing before measuring (JIT, connections settling); not in any figure
     * @param seconds       the measured window of each phase
     * @param serverJvm     the server JVM's options
     * @param robotLanes    the server's {@code mqtt.robotLanes} (0 = automatic)
     * @param singleLoop    also measure the same server with one event loop ({@code mqtt.robotLanes} 1) and give the
     *                      ratio of the two
     */
    public record Options(LoadSettings load, int warmupSeconds, int seconds, List<String> serverJvm, int robotLanes,
                          boolean singleLoop) {
        public Options {
            if (robotLanes < 0) throw new IllegalArgumentException("--robot-lanes: must be 0 (automatic) or more, got "
                    + robotLanes);
            if (warmupSeconds < 0) throw new IllegalArgumentException("--warmup: must be 0 or more seconds, got " + warmupSeconds);
            if (seconds < 1) throw new IllegalArgumentException("--duration: must be at least 1 second, got " + seconds);
            if (load.crossingShare() == 0 || !IntStream.range(0, load.robots()).anyMatch(load::crosses))
                throw new IllegalArgumentException("--crossing-share: at least one robot must cross the zone to measure "
                        + "enforcement, got " + load.crossingShare() + " of " + load.robots());
            serverJvm = List.copyOf(serverJvm);
        }

        /** The server with its default lanes, no single-loop phase. */
        public Options(LoadSettings load, int warmupSeconds, int seconds, List<String> serverJvm) {
            this(load, warmupSeconds, seconds, serverJvm, 0, false);
        }

        public static Options defaults() {
            // The launcher's benchmark heap for the server too: fixed and touched up front.
            return new Options(LoadSettings.defaults(), 10, 30, List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));
        }

        public Options withLoad(LoadSettings l) {
            return new Options(l, warmupSeconds, seconds, serverJvm, robotLanes, singleLoop);
        }

        public Options withWarmupSeconds(int s) {
            return new Options(load, s, seconds, serverJvm, robotLanes, singleLoop);
        }

        public Options withSeconds(int s) {
            return new Options(load, warmupSeconds, s, serverJvm, robotLanes, singleLoop);
        }

        public Options withServerJvm(List<String> options) {
            return new Options(load, warmupSeconds, seconds, options, robotLanes, singleLoop);
        }

        public Options withRobotLanes(int lanes) {
            return new Options(load, warmupSeconds, seconds, serverJvm, lanes, singleLoop);
        }

        public Options withSingleLoop(boolean measure) {
            return new Options(load, warmupSeconds, seconds, serverJvm, robotLanes, measure);
        }
    }

    /**
     * The phases; the headline is the server's handled states per second and its ratio to Mosquitto's forwarding.
     *
     * @param singleLoop the same server on one event loop, or null when not measured
     */
    public record Result(int robots, PhaseResult server, PhaseResult mosquitto, PhaseResult singleLoop) {

        /** The server's figure over the single-loop server's; NaN when that was not measured. */
        public double lanesRatio() {
            return singleLoop == null ? Double.NaN : server.deliveredPerSecond() / singleLoop.deliveredPerSecond();
        }

        public double statesPerSecond() {
            return server.deliveredPerSecond();
        }

        public double ratio() {
            return server.deliveredPerSecond() / mosquitto.deliveredPerSecond();
        }

        public double p99Millis() {
            return server.p99Millis();
        }

        public boolean generatorLimited() {
            return server.generatorLimited();
        }

        public long generatedStates() {
            return Math.round(server.sentPerSecond() * server.seconds());
        }

        public long handledStates() {
            return Math.round(server.deliveredPerSecond() * server.seconds());
        }

        public String summaryLine() {
            return String.format(Locale.ROOT, "ingest: %.0f states/s with %d robots, p99 enforcement %.1f ms, %.2fx "
                    + "Mosquitto forwarding", statesPerSecond(), robots, p99Millis(), ratio());
        }
    }

    private IngestBenchmark() {
    }

    public static Result run(Options options, PrintStream out) {
        LoadSettings load = options.load();
        out.printf(Locale.ROOT, "ingest bench: %d robots x %.1f states/s (%.0f states/s offered) + %.1f visualizations/s "
                        + "each, %d crossing the keep-out zone, generator on %d threads; %d s warm-up + %d s measured "
                        + "per phase; %d cores, load average %s%n", load.robots(), load.stateHz(),
                load.offeredStatesPerSecond(), load.visualizationHz(),
                IntStream.range(0, load.robots()).filter(load::crosses).count(), load.threads(), options.warmupSeconds(),
                options.seconds(), Runtime.getRuntime().availableProcessors(), loadAverage());
        PhaseResult mosquitto;
        try (MosquittoBroker broker = MosquittoBroker.start(); StateSubscriber subscriber = new StateSubscriber(broker.port())) {
            IngestTarget target = new IngestTarget() {
                public String name() {
                    return "mosquitto";
                }

                public Sample sample() {
                    return new Sample(subscriber.received(), -1);
                }

                public Duration cpu() {
                    return broker.cpu();
                }
            };
            mosquitto = runPhase(options, target, broker.port(),
                    LoadLogin.anonymous(LoadRegistration.MANUFACTURER, load.robots()), null, out);
        }
        PhaseResult server = serverPhase(options, "server", options.robotLanes(), out);
        PhaseResult singleLoop = options.singleLoop() ? serverPhase(options, "single-loop server", 1, out) : null;
        Result result = new Result(load.robots(), server, mosquitto, singleLoop);
        report(out, result);
        return result;
    }

    /** A fresh server JVM with {@code robotLanes}, its robots registered over REST, under the generator's load. */
    private static PhaseResult serverPhase(Options options, String name, int robotLanes, PrintStream out) {
        LoadSettings load = options.load();
        try (ServerProcess process = ServerProcess.start(options.serverJvm(), robotLanes)) {
            out.printf(Locale.ROOT, "ingest bench: %s up in its own JVM (%s), mqtt.robotLanes %d%s, HTTP %s, MQTT port "
                    + "%d; registering %d robots over REST%n", name, String.join(" ", options.serverJvm()), robotLanes,
                    robotLanes == 0 ? " (automatic)" : "", process.httpBase(), process.mqttPort(), load.robots());
            List<LoadLogin> logins = new LoadRegistration(process.httpBase(), process.operatorToken()).register(load.robots());
            IngestTarget target = new IngestTarget() {
                public String name() {
                    return name;
                }

                public Sample sample() {
                    ServerProcess.Scrape s = process.scrape();
                    return new Sample(s.statesHandled(), s.heapBytes());
                }

                public String lastWords() {
                    return process.logTail();
                }

                public Duration cpu() {
                    return process.cpu();
                }

                public Map<String, Long> threadCpuNanos() {
                    return process.threadCpuNanos();
                }

                public StallFile.Stalls stalls() {
                    return process.stalls();
                }
            };
            try (ApiProbe api = new ApiProbe(process.httpBase(), process.operatorToken())) {
                return runPhase(options, target, process.mqttPort(), logins, api, out);
            }
        }
    }

    /**
     * Connects the generator to the target, warms up, then samples once a second through the measured window.
     *
     * @param api asks the target's API during the window; null for a broker
     */
    private static PhaseResult runPhase(Options options, IngestTarget target, int port, List<LoadLogin> logins,
                                        ApiProbe api, PrintStream out) {
        LoadSettings load = options.load();
        try (LoadGenerator generator = LoadGenerator.connect("127.0.0.1", port, load, logins, Clock.systemUTC())) {
            out.printf(Locale.ROOT, "ingest bench: %s: %d robots connected on %d generator threads; warming up%n",
                    target.name(), load.robots(), generator.threadsUsed());
            generator.startPublishing();
            sleepSeconds(options.warmupSeconds());
            generator.drainEnforcementNanos();
            if (api != null) {
                api.drain();
                api.drainFailures();
            }
            Map<String, Long> threadsBefore = target.threadCpuNanos();
            StallFile.Stalls stallsBefore = target.stalls();
            long started = System.nanoTime();
            LoadCounts countsBefore = generator.counts();
            Duration targetCpuBefore = target.cpu();
            long generatorCpuBefore = generator.cpuNanos();
            Timed first;
            try {
                first = Timed.firstSample(target);
            } catch (IllegalStateException e) {
                double cores = target.cpu().minus(targetCpuBefore).toNanos() / 1e9 / ((System.nanoTime() - started) / 1e9);
                throw new IllegalStateException(String.format(Locale.ROOT, "%s; the %s used %.2f cores while it did not "
                        + "answer (load average %s)%s", e.getMessage(), target.name(), cores, loadAverage(),
                        target.lastWords()), e);
            }
            Timed previous = first;
            double minDelivered = Double.MAX_VALUE;
            long maxHeap = first.sample().heapBytes();
            int unanswered = 0;
            for (int second = 1; second <= options.seconds(); second++) {
                sleepUntil(started + second * 1_000_000_000L);
                Timed now = Timed.sample(target);
                if (now == null) {
                    unanswered++;
                    out.printf(Locale.ROOT, "  %s %3d s: no answer from the %s within %d s%n", target.name(), second,
                            target.name(), IngestTarget.SAMPLE_TIMEOUT.toSeconds());
                    continue;
                }
                double delivered = now.perSecondSince(previous);
                minDelivered = Math.min(minDelivered, delivered);
                maxHeap = Math.max(maxHeap, now.sample().heapBytes());
                out.printf(Locale.ROOT, "  %s %3d s: %.0f states/s %s%s%n", target.name(), second, delivered,
                        target.name().equals("mosquitto") ? "forwarded" : "handled", now.sample().heapBytes() < 0 ? ""
                                : String.format(Locale.ROOT, ", heap %.0f MB", now.sample().heapBytes() / 1e6));
                previous = now;
            }
            if (previous == first)
                throw new IllegalStateException("the " + target.name() + " answered none of " + unanswered + " readings");
            long ended = System.nanoTime();
            double seconds = (ended - started) / 1e9;
            LoadCounts counts = generator.counts();
            long[] enforcement = generator.drainEnforcementNanos();
            EventLoopLoad eventLoops = EventLoopLoad.between(threadsBefore, target.threadCpuNanos(), seconds);
            PhaseResult phase = new PhaseResult(target.name(), seconds, load.offeredStatesPerSecond(),
                    (counts.statesSent() - countsBefore.statesSent()) / seconds,
                    previous.perSecondSince(first), minDelivered,
                    (counts.statesSkipped() - countsBefore.statesSkipped()) / seconds,
                    target.cpu().minus(targetCpuBefore).toNanos() / 1e9 / seconds,
                    (generator.cpuNanos() - generatorCpuBefore) / 1e9 / seconds, generator.threadsUsed(), maxHeap,
                    enforcement, counts.zoneEntries() - countsBefore.zoneEntries(),
                    counts.unansweredEntries() - countsBefore.unansweredEntries(), counts.connectionsLost(),
                    oneMinuteLoad(), Runtime.getRuntime().availableProcessors(), eventLoops,
                    api == null ? new long[0] : api.drain(), api == null ? 0 : api.drainFailures(),
                    target.stalls().since(stallsBefore));
            describe(out, phase);
            return phase;
        }
    }

    /**
     * A target's reading and when it was taken: the middle of the request, since a busy server answers /metrics late
     * and its counter is read somewhere in between.
     */
    private record Timed(IngestTarget.Sample sample, long atNanos) {

        /** The reading, or null when the target did not answer in time (a starved server answers /metrics late). */
        static Timed sample(IngestTarget target) {
            long before = System.nanoTime();
            try {
                IngestTarget.Sample s = target.sample();
                return new Timed(s, before + (System.nanoTime() - before) / 2);
            } catch (IllegalStateException e) {
                return null;
            }
        }

        /**
         * The reading the measured window starts from; tried for up to a minute, since without it nothing can be
         * measured (a server starved by a busy machine has answered /metrics 30 s late).
         */
        static Timed firstSample(IngestTarget target) {
            for (int attempt = 1; attempt < 6; attempt++) {
                Timed t = sample(target);
                if (t != null) return t;
            }
            long before = System.nanoTime();
            IngestTarget.Sample s = target.sample();
            return new Timed(s, before + (System.nanoTime() - before) / 2);
        }

        double perSecondSince(Timed earlier) {
            return (sample.delivered() - earlier.sample.delivered()) / ((atNanos - earlier.atNanos) / 1e9);
        }
    }

    private static void describe(PrintStream out, PhaseResult p) {
        out.printf(Locale.ROOT, "ingest bench: %s: generator sent %.0f states/s (%.0f offered, %.0f/s skipped), %s "
                        + "%.0f states/s (lowest second %.0f); %s CPU %.2f cores (%.1f µs per state), generator CPU %.2f "
                        + "cores of %d threads%s; %d connections lost%n", p.target(), p.sentPerSecond(), p.offered(),
                p.skippedPerSecond(), p.target().equals("mosquitto") ? "forwarded" : "handled", p.deliveredPerSecond(),
                p.minDeliveredPerSecond(), p.target(), p.targetCores(), p.targetMicrosPerState(), p.generatorCores(),
                p.generatorThreads(), p.maxHeapBytes() < 0 ? ""
                        : String.format(Locale.ROOT, "; server heap up to %.0f MB", p.maxHeapBytes() / 1e6),
                p.connectionsLost());
        if (!p.target().equals("mosquitto")) {
            out.printf(Locale.ROOT, "ingest bench: %s: %d zone entries, %d paused: p50 %.2f ms, p99 %.2f ms; %d entries "
                            + "unanswered before the robot's next entry%n", p.target(), p.zoneEntries(),
                    p.enforcementNanos().length, p.p50Millis(), p.p99Millis(), p.unansweredEntries());
            // The server's thread CPU file is rewritten once a second: a figure may be off by up to a second's work.
            out.printf(Locale.ROOT, "ingest bench: %s: event loops busy (cores, by vert.x-eventloop-thread-N): %s; %d "
                    + "above 0.1 core%n", p.target(), p.eventLoops(), p.eventLoops().busy());
            if (p.stalls().measured())
                out.printf(Locale.ROOT, "ingest bench: %s: a task planned every %d ms ran late by %s %s (late on the "
                                + "plain thread too: the whole JVM was held, by a collection or a safepoint, or had no "
                                + "core free)%n", p.target(), StallFile.TICK_MILLIS, StallFile.bounds(),
                        p.stalls().describe());
            out.printf(Locale.ROOT, "ingest bench: %s: GET /api/v1/robots under load: %d answers, p50 %.1f ms, p99 %.1f "
                            + "ms, %d failed or over %d s%n", p.target(), p.apiNanos().length, p.apiP50Millis(),
                    p.apiP99Millis(), p.apiFailures(), ApiProbe.TIMEOUT.toSeconds());
        }
        out.println("ingest bench: " + p.target() + ": " + p.verdict());
    }

    private static void report(PrintStream out, Result r) {
        out.printf(Locale.ROOT, "ingest bench: CPU per state: server %.1f µs, Mosquitto %.1f µs (%.1fx); load average "
                        + "now %s%n", r.server().targetMicrosPerState(), r.mosquitto().targetMicrosPerState(),
                r.server().targetMicrosPerState() / r.mosquitto().targetMicrosPerState(), loadAverage());
        out.printf(Locale.ROOT, "ingest bench: target p99 enforcement under %.0f ms: %s%s%n", TARGET_P99_MILLIS,
                r.p99Millis() < TARGET_P99_MILLIS ? "met" : "NOT met",
                r.generatorLimited() ? "; the figure is GENERATOR-LIMITED" : "");
        out.printf(Locale.ROOT, "ingest bench: target p99 of GET /api/v1/robots under %.0f ms: %s (%.1f ms)%n",
                TARGET_API_P99_MILLIS, r.server().apiP99Millis() < TARGET_API_P99_MILLIS
                        && r.server().apiFailures() == 0 ? "met" : "NOT met", r.server().apiP99Millis());
        if (r.singleLoop() != null)
            out.printf(Locale.ROOT, "ingest bench: robot lanes: %.0f states/s against %.0f on one event loop: %.2fx "
                            + "(target at least %.1fx: %s)%s%n", r.server().deliveredPerSecond(),
                    r.singleLoop().deliveredPerSecond(), r.lanesRatio(), TARGET_LANES_RATIO,
                    r.lanesRatio() >= TARGET_LANES_RATIO ? "met" : "NOT met", singleLoopCaveat(r.singleLoop()));
        out.println(r.summaryLine());
    }

    /**
     * Why the ratio of lanes to one loop may say little: it measures the lanes' gain only when the one loop was the
     * limit — busy nearly a whole core while it fell behind.
     */
    private static String singleLoopCaveat(PhaseResult single) {
        double busiest = single.eventLoops().busiest();
        String loop = String.format(Locale.ROOT, "its event loop used %.2f cores", busiest);
        if (single.generatorLimited()) return "; the single-loop phase was GENERATOR-LIMITED (" + loop + ")";
        if (single.keptUp()) return "; the single loop kept up (" + loop + "), so the ratio says nothing of its "
                + "ceiling: offer more";
        if (busiest < 0.9) return "; the single loop fell behind while " + loop + ": the limit was the machine (its "
                + "other threads, the generator), not the one loop, so the ratio says nothing of the lanes' gain";
        return "; the single loop was the limit (" + loop + ")";
    }

    private static double oneMinuteLoad() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void sleepSeconds(int seconds) {
        sleepUntil(System.nanoTime() + seconds * 1_000_000_000L);
    }

    private static void sleepUntil(long nanoTime) {
        try {
            for (long left; (left = nanoTime - System.nanoTime()) > 0; )
                Thread.sleep(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
