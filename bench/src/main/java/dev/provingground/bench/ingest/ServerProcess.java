package dev.provingground.bench.ingest;

import dev.provingground.bench.SetUp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet server in a JVM of its own ({@link IngestServer}: what {@code serve} runs, on loopback, free ports, a throw-away data
 * directory), so its CPU time and heap are its own and not the load generator's. Reads {@code /metrics} with the
 * operator token the server wrote.
 */
final class ServerProcess implements AutoCloseable {

    /** Where the server's JVM writes its {@link StallFile}: beside the thread CPU file, in its data directory. */
    static final String STALL_FILE = "stalls.tsv";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** What {@code serve} prints once it listens: its HTTP address and its MQTT port. */
    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/api/v1/health\\s+MQTT port (\\d+)");
    private static final Pattern HANDLED = Pattern.compile("(?m)^pg_robot_states_handled_total(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");

    private final Process process;
    private final Path dataDir;
    private final int httpPort;
    private final int mqttPort;
    private final String operatorToken;
    private final Path threadCpu;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServerProcess(Process process, Path dataDir, int httpPort, int mqttPort, String operatorToken) {
        this.process = process;
        this.threadCpu = dataDir.resolve("thread-cpu.tsv");
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.mqttPort = mqttPort;
        this.operatorToken = operatorToken;
    }

    /**
     * @param jvmOptions the server JVM's options (heap size, collector)
     * @param robotLanes the server's {@code mqtt.robotLanes}: 0 = automatic, 1 = a single event loop
     */
    static ServerProcess start(List<String> jvmOptions, int robotLanes) {
        Path dataDir = null;
        Process process = null;
        try {
            dataDir = Files.createTempDirectory("pg-bench-ingest-");
            Path log = dataDir.resolve("server.log");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(IngestServer.class.getName());
            command.add(dataDir.resolve("data").toString());
            command.add(Integer.toString(robotLanes));
            command.add(dataDir.resolve("thread-cpu.tsv").toString());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int[] ports = waitForPorts(process, log);
            String token = Files.readString(dataDir.resolve("data").resolve("operator.token"), StandardCharsets.UTF_8).trim();
            return new ServerProcess(process, dataDir, ports[0], ports[1], token);
        } catch (IOException | RuntimeException e) {
            if (process != null) process.destroyForcibly();
            String log = dataDir == null ? "" : tail(dataDir.resolve("server.log"));
            if (dataDir != null) SetUp.deleteRecursively(dataDir);
            throw new IllegalStateException("cannot start the server: " + e.getMessage() + log, e);
        }
    }

    URI httpBase() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    int mqttPort() {
        return mqttPort;
    }

    String operatorToken() {
        return operatorToken;
    }

    /** The server process's CPU time (user + system, every thread) so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report a process's CPU time"));
    }

    /** How often the server's JVM ran a task late, as it last wrote it (once a second). */
    StallFile.Stalls stalls() {
        return StallFile.read(threadCpu.resolveSibling(STALL_FILE));
    }

    /** CPU time per thread name of the server's JVM, as it last wrote it (once a second). */
    Map<String, Long> threadCpuNanos() {
        return ThreadCpuFile.read(threadCpu);
    }

    /** What the server's own meters say now. */
    Scrape scrape() {
        HttpRequest request = HttpRequest.newBuilder(httpBase().resolve("/metrics")).timeout(IngestTarget.SAMPLE_TIMEOUT)
                .header("Authorization", "Bearer " + operatorToken).GET().build();
        String text;
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200)
                throw new IllegalStateException("/metrics answered " + answer.statusCode() + ": " + answer.body());
            text = answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the server's /metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading /metrics", e);
        }
        Matcher handled = HANDLED.matcher(text);
        if (!handled.find())
            throw new IllegalStateException("the server's /metrics has no pg_robot_states_handled_total");
        double heap = 0;
        for (Matcher m = HEAP.matcher(text); m.find(); ) heap += Double.parseDouble(m.group(1));
        return new Scrape((long) Double.parseDouble(handled.group(1)), (long) heap);
    }

    /** @param statesHandled {@code pg_robot_states_handled_total}; @param heapBytes heap pools in use, summed */
    record Scrape(long statesHandled, long heapBytes) {
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        SetUp.deleteRecursively(dataDir);
    }

    private static int[] waitForPorts(Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) return new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            if (!process.isAlive()) throw new IOException("the server exited with " + process.exitValue());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        throw new IOException("the server did not say it listens within " + START_TIMEOUT.toSeconds() + " s");
    }

    /** The end of the server's log. */
    String logTail() {
        return tail(dataDir.resolve("server.log"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; its log ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
