package dev.provingground.bench.agent;

import dev.provingground.agent.AgentProcess;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./proving-ground bench agent}: the robot agent's CPU time per ROS message and its resident memory. The agent
 * runs as a process of its own ({@code proving-ground agent --config …}), as on a robot, against a replaying rosbridge
 * server (the mix of a Nav2 robot: odometry 50 Hz, pose 10 Hz, battery 1 Hz, sent as fast as taken) and a small MQTT
 * broker. Baseline, in the same run and on the same bursts: a bare WebSocket client process that only parses the
 * messages. CPU time is each process's own (user + system, from the OS), so the two need not take turns.
 */
public final class AgentBenchmark {

    /**
     * @param messages ROS messages per measured burst
     * @param rounds   measured bursts (the figure is their median)
     * @param warmup   messages sent first and not measured (JIT compilation)
     * @param jvmOptions options of both child JVMs
     */
    public record Options(int messages, int rounds, int warmup, List<String> jvmOptions) {
        public static Options defaults() {
            // What docs/ROBOT-AGENT.md recommends for a small robot computer: the agent's live heap is a few MB.
            return new Options(100_000, 5, 100_000, List.of("-Xmx64m", "-XX:+UseSerialGC"));
        }

        public Options withMessages(int n) {
            return new Options(n, rounds, warmup, jvmOptions);
        }

        public Options withRounds(int n) {
            return new Options(messages, n, warmup, jvmOptions);
        }

        public Options withJvmOptions(List<String> options) {
            return new Options(messages, rounds, warmup, List.copyOf(options));
        }
    }

    /** The figures; per-message times in microseconds, memory in MB. */
    public record Result(int messages, int rounds, double agentMicros, double bareMicros, double residentMb,
                         double peakResidentMb) {
        public double ratio() {
            return agentMicros / bareMicros;
        }

        public String summaryLine() {
            return String.format(Locale.ROOT, "agent: %.1f µs per message, %.1fx bare parse, %.0f MB resident",
                    agentMicros, ratio(), peakResidentMb);
        }
    }

    private AgentBenchmark() {
    }

    public static Result run(Options options, PrintStream out) {
        Vertx vertx = Vertx.vertx();
        Path dir = null;
        Process agent = null;
        Process bare = null;
        try {
            dir = Files.createTempDirectory("pg-bench-agent");
            ReplayRosbridge ros = new ReplayRosbridge(vertx);
            int rosPort = await(ros.listen());
            Set<String> statesSeen = ConcurrentHashMap.newKeySet();
            MqttServer broker = MqttServer.create(vertx, new MqttServerOptions().setHost("127.0.0.1").setPort(0));
            broker.endpointHandler(e -> {
                e.publishAutoAck(true);
                e.subscribeHandler(s -> e.subscribeAcknowledge(s.messageId(),
                        s.topicSubscriptions().stream().map(t -> MqttQoS.AT_MOST_ONCE).toList()));
                e.publishHandler(m -> {
                    if (!m.topicName().endsWith("/state")) return;
                    String text = m.payload().toString(StandardCharsets.UTF_8);
                    int at = text.indexOf("bench-");
                    while (at >= 0) {
                        int end = text.indexOf('"', at);
                        statesSeen.add(text.substring(at, end));
                        at = text.indexOf("bench-", end);
                    }
                });
                e.accept(false);
            });
            int mqttPort = await(broker.listen()).actualPort();

            Path config = dir.resolve("agent.json");
            Files.writeString(config, new JsonObject().put("manufacturer", "Bench").put("serialNumber", "AG-1")
                    .put("mqtt", new JsonObject().put("port", mqttPort))
                    .put("rosbridge", new JsonObject().put("uri", "ws://127.0.0.1:" + rosPort))
                    .put("ros", new JsonObject().put("odomThrottleMillis", 0))
                    .put("maps", new JsonArray().add(new JsonObject().put("rosMap", "map").put("levelMapId", "L1")))
                    .put("backfill", new JsonObject().put("directory", dir.resolve("backlog").toString()))
                    .encodePrettily());
            agent = child(options, dir.resolve("agent.log"), AgentProcess.class.getName(), config.toString());
            bare = child(options, null, BareRosbridgeClient.class.getName(), "ws://127.0.0.1:" + rosPort);
            Set<String> bareDone = ConcurrentHashMap.newKeySet();
            Process bareProcess = bare;
            Thread reader = new Thread(() -> readLines(bareProcess, bareDone), "bare-client-stdout");
            reader.setDaemon(true);
            reader.start();
            waitFor("both clients subscribed", Duration.ofSeconds(60), () -> ros.readyClients() == 2);

            out.printf(Locale.ROOT, "agent benchmark: %d messages per burst (50 odom : 10 pose : 1 battery), %d bursts "
                    + "after %d warm-up messages; child JVMs %s%n", options.messages(), options.rounds(), options.warmup(),
                    String.join(" ", options.jvmOptions()));
            burst(ros, options.warmup(), "bench-warmup", statesSeen, bareDone);
            List<double[]> figures = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                Duration agentBefore = cpu(agent);
                Duration bareBefore = cpu(bare);
                burst(ros, options.messages(), "bench-" + round, statesSeen, bareDone);
                double agentMicros = micros(cpu(agent).minus(agentBefore)) / options.messages();
                double bareMicros = micros(cpu(bare).minus(bareBefore)) / options.messages();
                figures.add(new double[]{agentMicros, bareMicros});
                out.printf(Locale.ROOT, "  burst %d: agent %.2f µs/message, bare parse %.2f µs/message, %.2fx%n",
                        round, agentMicros, bareMicros, agentMicros / bareMicros);
            }
            figures.sort(Comparator.comparingDouble(f -> f[0] / f[1]));
            double[] median = figures.get(figures.size() / 2);
            long[] memory = residentKb(agent.pid());
            out.printf(Locale.ROOT, "  agent process: %.1f MB resident now, %.1f MB at its peak%n", memory[0] / 1024.0,
                    memory[1] / 1024.0);
            Result result = new Result(options.messages(), options.rounds(), median[0], median[1], memory[0] / 1024.0,
                    memory[1] / 1024.0);
            out.println(result.summaryLine());
            await(ros.close());
            await(broker.close());
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("agent benchmark: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The agent runs in a child JVM whose log is deleted with the run; what it said is the first clue.
            if (dir != null) out.print(tail(dir.resolve("agent.log"), 40));
            throw e;
        } finally {
            stop(agent);
            stop(bare);
            vertx.close();
            if (dir != null) deleteQuietly(dir);
        }
    }

    private static void burst(ReplayRosbridge ros, int messages, String marker, Set<String> statesSeen, Set<String> bareDone) {
        await(ros.burst(messages, marker));
        waitFor("the agent's state after " + marker, Duration.ofMinutes(5), () -> statesSeen.contains(marker));
        waitFor("the bare client at " + marker, Duration.ofMinutes(5), () -> bareDone.contains(marker));
    }

    private static Process child(Options options, Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(options.jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (log != null) pb.redirectErrorStream(true).redirectOutput(log.toFile());
        else pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "  agent log (last " + lines + " lines):\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
        } catch (IOException e) {
            return "  agent log unreadable: " + e.getMessage() + "\n";
        }
    }

    private static void readLines(Process p, Set<String> done) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) if (line.startsWith("done ")) done.add(line.substring(5));
        } catch (IOException e) {
            // the process ended
        }
    }

    /** User + system CPU time the process has used so far. */
    private static Duration cpu(Process p) {
        return p.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report a process's CPU time"));
    }

    private static double micros(Duration d) {
        return d.toNanos() / 1000.0;
    }

    /** {@code [VmRSS, VmHWM]} in kB, from /proc. */
    static long[] residentKb(long pid) throws IOException {
        long rss = 0, peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D", ""));
            if (line.startsWith("VmHWM:")) peak = Long.parseLong(line.replaceAll("\\D", ""));
        }
        return new long[]{rss, peak};
    }

    private static void waitFor(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("agent benchmark: timed out waiting for " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }

    private static <T> T await(io.vertx.core.Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("agent benchmark: " + e.getMessage(), e);
        }
    }

    private static void stop(Process p) {
        if (p == null) return;
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
