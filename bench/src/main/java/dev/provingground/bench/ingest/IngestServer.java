package dev.provingground.bench.ingest;

import dev.provingground.bench.server.BenchServer;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.wiring.Logging;
import dev.provingground.server.wiring.RunningServer;

import java.nio.file.Path;
import java.util.List;

/**
 * The server under load, in a JVM of its own so that its CPU and heap are its own: what {@code serve} runs, on free
 * loopback ports, saying where it listens in the line {@link ServerProcess} waits for. It also keeps the CPU time of
 * each of its threads in a file ({@link ThreadCpuFile}), so the harness can say over which event loops the work
 * went.
 */
public final class IngestServer {

    private IngestServer() {
    }

    /**
     * {@code IngestServer DATA_DIR ROBOT_LANES THREAD_CPU_FILE}; runs until the JVM is asked to stop. ROBOT_LANES as
     * {@code mqtt.robotLanes}: 0 = automatic, 1 = a single event loop.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: IngestServer DATA_DIR ROBOT_LANES THREAD_CPU_FILE");
            System.exit(2);
        }
        Logging.configure(false);
        ServerConfig config = BenchServer.loopbackConfig(Path.of(args[0]));
        config = config.withMqtt(config.mqtt().withRobotLanes(Integer.parseInt(args[1])));
        ThreadCpuFile.startWriting(Path.of(args[2]));
        RunningServer running = RunningServer.start(config, List.of());
        StallFile.startWriting(running.vertx(), Path.of(args[2]).resolveSibling(ServerProcess.STALL_FILE));
        System.out.println("Proving Ground server: http://127.0.0.1:" + running.server().httpPort()
                + "/api/v1/health  MQTT port " + running.server().mqttPort());
        running.awaitShutdown();
    }
}
