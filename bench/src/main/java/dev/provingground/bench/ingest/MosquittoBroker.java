package dev.provingground.bench.ingest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto ({@value #BINARY}) on a free loopback port with a throw-away configuration: anonymous clients,
 * no persistence, no logging, a deep queue so a slow subscriber is not what drops messages.
 */
final class MosquittoBroker implements AutoCloseable {

    static final String BINARY = "/usr/sbin/mosquitto";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path dir;
    private final int port;

    private MosquittoBroker(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static MosquittoBroker start() {
        if (!Files.isExecutable(Path.of(BINARY)))
            throw new IllegalStateException("bench ingest needs Mosquitto as its baseline: " + BINARY + " is missing "
                    + "(apt-get install mosquitto)");
        Path dir = null;
        Process process = null;
        try {
            dir = Files.createTempDirectory("pg-bench-mosquitto-");
            int port = freePort();
            Path config = dir.resolve("mosquitto.conf");
            Files.writeString(config, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence false",
                    "log_dest none",
                    "max_queued_messages 1000000",
                    "max_inflight_messages 0",
                    ""));
            process = new ProcessBuilder(BINARY, "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            waitUntilListening(process, port);
            return new MosquittoBroker(process, dir, port);
        } catch (IOException | RuntimeException e) {
            if (process != null) process.destroyForcibly();
            if (dir != null) dev.provingground.bench.SetUp.deleteRecursively(dir);
            throw new IllegalStateException("cannot start Mosquitto: " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    /** The broker's CPU time (user + system) so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report a process's CPU time"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        dev.provingground.bench.SetUp.deleteRecursively(dir);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitUntilListening(Process process, int port) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("mosquitto exited with " + process.exitValue());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IOException("mosquitto did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + " s");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
