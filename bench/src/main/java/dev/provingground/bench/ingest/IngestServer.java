package dev.provingground.bench.ingest;

import dev.provingground.bench.server.BenchServer;
import dev.provingground.server.wiring.Logging;
import dev.provingground.server.wiring.RunningServer;

import java.nio.file.Path;
import java.util.List;

/**
 * The server under load, in a JVM of its own so that its CPU and heap are its own: what {@code serve} runs, on free
 * loopback ports, saying where it listens in the line {@link ServerProcess} waits for.
 */
public final class IngestServer {

    private IngestServer() {
    }

    /** {@code IngestServer DATA_DIR}; runs until the JVM is asked to stop. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: IngestServer DATA_DIR");
            System.exit(2);
        }
        Logging.configure(false);
        RunningServer running = RunningServer.start(BenchServer.loopbackConfig(Path.of(args[0])), List.of());
        System.out.println("Proving Ground server: http://127.0.0.1:" + running.server().httpPort()
                + "/api/v1/health  MQTT port " + running.server().mqttPort());
        running.awaitShutdown();
    }
}
