package dev.provingground.server.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian {@code mosquitto} broker on a free loopback port, anonymous and without persistence, for tests of
 * the server's external-broker mode. Its output goes to {@link #logFile()} so failures can quote it.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final Path DEBIAN_PATH = Path.of("/usr/sbin/mosquitto");
    private static final Duration STARTUP = Duration.ofSeconds(10);
    // The free port is found by binding and releasing it, so another process can take it in between; a few
    // attempts make that race harmless.
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path logFile;

    private MosquittoBroker(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    public static Optional<Path> executable() {
        return Executables.find("mosquitto", DEBIAN_PATH);
    }

    /**
     * Starts a broker whose config and log live in {@code workDir}; skips the calling test (or fails it in CI, see
     * {@link RequiredPeer}) when mosquitto is not installed.
     */
    public static MosquittoBroker start(Path workDir) throws IOException, InterruptedException {
        Optional<Path> exe = executable();
        RequiredPeer.assume(exe.isPresent(), "mosquitto (looked for " + DEBIAN_PATH + " and on PATH)",
                "apt-get install mosquitto");
        Files.createDirectories(workDir);
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            Path config = workDir.resolve("mosquitto-" + port + ".conf");
            Path log = workDir.resolve("mosquitto-" + port + ".log");
            Files.writeString(config, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence false",
                    "log_dest stdout",
                    "log_type all",
                    "connection_messages true",
                    "log_timestamp_format %Y-%m-%dT%H:%M:%S",
                    ""));
            Process p = new ProcessBuilder(exe.get().toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            MosquittoBroker broker = new MosquittoBroker(p, port, log);
            try {
                broker.awaitListening();
                return broker;
            } catch (IllegalStateException e) {
                broker.close();
                last = e;
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    /**
     * Stops this broker and starts a new one on the same port, as a broker restart looks to its clients. Nothing is
     * persisted across it (persistence is off): clients must reconnect and subscribe again.
     */
    public MosquittoBroker restart() throws IOException, InterruptedException {
        close();
        Path config = logFile.resolveSibling("mosquitto-" + port + ".conf");
        Path log = logFile.resolveSibling("mosquitto-" + port + "-restarted.log");
        Process p = new ProcessBuilder(executable().orElseThrow().toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MosquittoBroker restarted = new MosquittoBroker(p, port, log);
        restarted.awaitListening();
        return restarted;
    }

    public Path logFile() {
        return logFile;
    }

    /** The broker's log so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
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

    /** Mosquitto says nothing when it is ready: it is once it accepts a connection on its port. */
    private void awaitListening() {
        try {
            Await.until("mosquitto listening on 127.0.0.1:" + port, STARTUP, () -> {
                if (!process.isAlive())
                    throw new IllegalStateException("mosquitto exited with " + process.exitValue()
                            + " before listening on 127.0.0.1:" + port + "; log " + logFile + ":\n" + log());
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (AssertionError timedOut) {
            throw new IllegalStateException("mosquitto did not accept connections on 127.0.0.1:" + port + " within "
                    + STARTUP + "; log " + logFile + ":\n" + log());
        }
    }

    private static int freeLoopbackPort() {
        return FreePorts.loopback();
    }

    @Override
    public String toString() {
        return "mosquitto on 127.0.0.1:" + port + " (log " + logFile + ")";
    }
}
