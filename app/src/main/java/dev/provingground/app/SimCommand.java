package dev.provingground.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.wiring.Logging;
import dev.provingground.app.tls.LocalCertificates;
import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.link.MqttTarget;
import dev.provingground.sim.robot.SimRobotSpec;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run simulated VDA 5050 robots against any MQTT endpoint or broker.",
        subcommands = LoadgenCommand.class)
public final class SimCommand implements Callable<Integer> {

    @Option(names = "--mqtt-host", defaultValue = "127.0.0.1", description = "MQTT host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--mqtt-port", defaultValue = "1883", description = "MQTT port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--mqtt-tls", description = "connect over TLS (MQTTS), trusting the CAs the JVM trusts unless --mqtt-ca names one")
    boolean tls;

    @Option(names = "--mqtt-ca", paramLabel = "FILE",
            description = "connect over TLS (MQTTS) and trust only the CA certificate(s) in this PEM file, e.g. DATA/tls/ca.pem of `demo --tls`")
    Path caFile;

    @Option(names = "--robots", defaultValue = "12", description = "robots of the demo mix, without logins, when no --credentials (default: ${DEFAULT-VALUE})")
    int robots;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "JSON array of robots: manufacturer, serialNumber, profile, username, password, mapId, x, y, theta, batteryPercent")
    Path credentials;

    @Option(names = "--state-interval", defaultValue = "1000", description = "state report period, ms (default: ${DEFAULT-VALUE})")
    long stateInterval;

    @Option(names = "--keepalive", defaultValue = "10", description = "MQTT keepalive, s (default: ${DEFAULT-VALUE})")
    int keepAlive;

    @Option(names = "--stray-every", defaultValue = "0", paramLabel = "SECONDS",
            description = "fault mode: every SECONDS one driving robot strays off its route (default: ${DEFAULT-VALUE} = never)")
    long strayEvery;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbose);
        MqttTarget target = new MqttTarget(host, port, tls, caFile);
        if (caFile != null) {
            try {
                LocalCertificates.certificates(caFile);
            } catch (IOException | GeneralSecurityException e) {
                System.err.println("sim: --mqtt-ca " + caFile + ": not a readable PEM certificate (" + e.getMessage() + ")");
                return 2;
            }
        }
        List<SimRobotSpec> specs = credentials != null
                ? Arrays.asList(new ObjectMapper().readValue(credentials.toFile(), SimRobotSpec[].class))
                : DemoFleet.plan(DemoSite.load(), robots).stream().map(p -> new SimRobotSpec(p.firm().manufacturer(),
                        p.serialNumber(), p.profile(), null, null, p.level(), p.start().x(), p.start().y(), 0, 80)).toList();
        Vertx vertx = Vertx.vertx();
        SimFleet fleet = new SimFleet(vertx, ProfileCatalog.builtIn(), specs,
                new SimFleet.Settings(100, stateInterval, 0, keepAlive, strayEvery, 1), Clock.systemUTC());
        try {
            fleet.start(target).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // A refused certificate or login is the user's to fix: one line naming where and why.
            System.err.println("sim: cannot connect to " + target + ": " + e.getCause().getMessage());
            vertx.close();
            return 1;
        }
        System.out.println(specs.size() + " simulated robots connected to " + target + ". Stop with Ctrl-C.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fleet.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("sim stop: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
