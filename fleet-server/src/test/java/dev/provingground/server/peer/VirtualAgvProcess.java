package dev.provingground.server.peer;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.Executables;
import dev.provingground.server.support.RequiredPeer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The virtual AGV of npm {@code vda-5050-lib} running as a Node.js child process ({@code src/test/peer/virtual-agv.mjs}).
 * Its stdout is one JSON event per line, collected here; its stderr (the library's debug output) goes to a log
 * file quoted in failure messages.
 */
final class VirtualAgvProcess implements AutoCloseable {

    private final Process process;
    private final Path stderrLog;
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private VirtualAgvProcess(Process process, Path stderrLog) {
        this.process = process;
        this.stderrLog = stderrLog;
        this.reader = new Thread(this::readEvents, "virtual-agv-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Where the peer's package.json and node_modules live. */
    static Path peerDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test", "peer");
    }

    /**
     * Starts the virtual AGV against the broker on {@code 127.0.0.1:brokerPort}; skips the calling test (or fails it
     * in CI, see {@link RequiredPeer}) when Node.js or the npm package is not installed.
     */
    static VirtualAgvProcess start(Path workDir, int brokerPort, String manufacturer, String serialNumber)
            throws IOException {
        Optional<Path> node = Executables.find("node", Path.of("/usr/bin/node"));
        RequiredPeer.assume(node.isPresent(), "node (Node.js, looked for /usr/bin/node and on PATH)",
                "apt-get install nodejs npm");
        Path dir = peerDir();
        RequiredPeer.assume(Files.isDirectory(dir.resolve("node_modules").resolve("vda-5050-lib")),
                "the npm package vda-5050-lib in " + dir.resolve("node_modules"),
                "cd " + dir + " && npm ci");
        Files.createDirectories(workDir);
        Path stderrLog = workDir.resolve("virtual-agv.stderr.log");
        ProcessBuilder pb = new ProcessBuilder(node.get().toString(), "virtual-agv.mjs",
                "--broker", "mqtt://127.0.0.1:" + brokerPort,
                "--manufacturer", manufacturer,
                "--serial", serialNumber)
                .directory(dir.toFile())
                .redirectError(stderrLog.toFile());
        pb.environment().put("DEBUG", "vda-5050:*");
        return new VirtualAgvProcess(pb.start(), stderrLog);
    }

    private void readEvents() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                try {
                    events.add(new JsonObject(line));
                } catch (DecodeException notJson) {
                    events.add(new JsonObject().put("event", "unparsed").put("line", line));
                }
            }
        } catch (IOException closed) {
            // the process ended; what was read stays in events
        }
    }

    List<JsonObject> events() {
        return List.copyOf(events);
    }

    List<JsonObject> events(String name) {
        return events.stream().filter(e -> name.equals(e.getString("event"))).toList();
    }

    /** Waits for the first event called {@code name}; fails quoting everything the peer said. */
    JsonObject awaitEvent(String name, Duration timeout) {
        return awaitEvent("\"" + name + "\"", e -> name.equals(e.getString("event")), timeout);
    }

    /** Waits for the first event that matches; fails quoting everything the peer said. */
    JsonObject awaitEvent(String what, Predicate<JsonObject> wanted, Duration timeout) {
        try {
            Await.until("the virtual AGV to report " + what, timeout,
                    () -> events.stream().anyMatch(wanted) || !process.isAlive());
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "\n" + diagnostics(), timedOut);
        }
        return events.stream().filter(wanted).findFirst().orElseThrow(() -> new AssertionError(
                "the virtual AGV exited with " + process.exitValue() + " before reporting " + what + "\n"
                        + diagnostics()));
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** The peer's events and the tail of its debug log, for failure messages. */
    String diagnostics() {
        StringBuilder out = new StringBuilder("virtual AGV events:\n");
        events.forEach(e -> out.append("  ").append(e.encode()).append('\n'));
        out.append("virtual AGV stderr (").append(stderrLog).append("), last lines but visualization:\n");
        try {
            // The once-a-second visualization would push everything else out of the tail.
            List<String> lines = Files.readAllLines(stderrLog, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.contains("visualization")).toList();
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> out.append("  ").append(l).append('\n'));
        } catch (IOException e) {
            out.append("  (cannot read: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    /** Stops the AGV the way an operator would (SIGTERM: it publishes connection OFFLINE), forcibly if it hangs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            // Through the handle: Process.destroy() would also close our end of its stdout, losing its last words.
            process.toHandle().destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
