package dev.provingground.app;

import dev.provingground.server.wiring.Logging;
import dev.provingground.sim.load.LoadOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provingground.sim.load.LoadCounts;
import dev.provingground.sim.load.LoadGenerator;
import dev.provingground.sim.load.LoadLogin;
import dev.provingground.sim.load.LoadRegistration;
import dev.provingground.sim.load.LoadSettings;
import dev.provingground.sim.load.Percentiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code proving-ground sim loadgen}: many robots as real MQTT connections over several threads, publishing VDA 5050
 * state and visualization at a fixed rate, a share of them crossing a keep-out zone; against any MQTT server or broker.
 * Prints once a second what it sent and how long the server took to pause the robots that entered the zone.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
        description = "Load generator: N robots as MQTT connections over several threads, each publishing VDA 5050 state "
                + "at R Hz (and visualization), a share crossing a keep-out zone; against any server or broker.")
public final class LoadgenCommand implements Callable<Integer> {

    @Option(names = "--mqtt-host", defaultValue = "127.0.0.1", description = "MQTT host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--mqtt-port", defaultValue = "1883", description = "MQTT port (default: ${DEFAULT-VALUE})")
    int port;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = "--duration", defaultValue = "0", paramLabel = "SECONDS",
            description = "stop after SECONDS (default: ${DEFAULT-VALUE} = until Ctrl-C)")
    long duration;

    @Option(names = "--register-at", paramLabel = "URL",
            description = "our server's HTTP address (e.g. http://127.0.0.1:8080): put the load hall, its keep-out zone "
                    + "and a firm, register the robots and log in with the passwords it issues; needs --token or --token-file")
    URI registerAt;

    @Option(names = "--token", paramLabel = "TOKEN", description = "operator token for --register-at")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "file holding the operator token (DATA/operator.token)")
    Path tokenFile;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "JSON array of robot logins: manufacturer, serialNumber, username, password (instead of --register-at)")
    Path credentials;

    @Option(names = "--manufacturer", defaultValue = LoadRegistration.MANUFACTURER,
            description = "manufacturer of anonymous robots, when neither --register-at nor --credentials (default: ${DEFAULT-VALUE})")
    String manufacturer;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbose);
        LoadSettings settings;
        try {
            settings = load.settings();
            if (duration < 0) throw new IllegalArgumentException("--duration: must be 0 or more seconds, got " + duration);
            if (registerAt != null && credentials != null)
                throw new IllegalArgumentException("--register-at and --credentials: give one of them, not both");
        } catch (IllegalArgumentException e) {
            System.err.println("sim loadgen: " + e.getMessage());
            return 2;
        }
        LoadGenerator generator;
        try {
            generator = LoadGenerator.connect(host, port, settings, logins(settings), Clock.systemUTC());
        } catch (IllegalArgumentException | IllegalStateException | java.io.IOException e) {
            System.err.println("sim loadgen: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            generator.close();
            stopped.countDown();
        }, "loadgen-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.printf(Locale.ROOT, "sim loadgen: %d robots connected to %s:%d on %d threads, %.1f states/s each "
                        + "(%.0f in all), %.1f visualizations/s each, %d crossing the keep-out zone. %s%n", settings.robots(),
                host, port, generator.threadsUsed(), settings.stateHz(), settings.offeredStatesPerSecond(),
                settings.visualizationHz(),
                java.util.stream.IntStream.range(0, settings.robots()).filter(settings::crosses).count(),
                duration == 0 ? "Stop with Ctrl-C." : "Running " + duration + " s.");
        generator.startPublishing();
        report(generator, stopped);
        if (duration > 0) {
            Runtime.getRuntime().removeShutdownHook(hook);
            generator.close();
        }
        return 0;
    }

    /** One line a second: what went out, what came back, and the generator's own CPU. */
    private void report(LoadGenerator generator, CountDownLatch stopped) throws InterruptedException {
        long started = System.nanoTime();
        LoadCounts before = generator.counts();
        long cpuBefore = generator.cpuNanos();
        long last = started;
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            long now = System.nanoTime();
            LoadCounts counts = generator.counts();
            long cpu = generator.cpuNanos();
            double seconds = (now - last) / 1e9;
            long[] pauses = generator.drainEnforcementNanos();
            String paused = pauses.length == 0 ? "0 paused" : String.format(Locale.ROOT, "%d paused (p50 %.1f ms, p99 "
                    + "%.1f ms)", pauses.length, Percentiles.millis(pauses, 50), Percentiles.millis(pauses, 99));
            System.out.printf(Locale.ROOT, "sim loadgen: %.0f states/s, %.0f visualizations/s, %d zone entries, %s, "
                            + "%d unanswered, %d connections lost; generator CPU %.2f cores%n",
                    (counts.statesSent() - before.statesSent()) / seconds,
                    (counts.visualizationsSent() - before.visualizationsSent()) / seconds,
                    counts.zoneEntries() - before.zoneEntries(), paused,
                    counts.unansweredEntries() - before.unansweredEntries(),
                    counts.connectionsLost(), (cpu - cpuBefore) / 1e9 / seconds);
            before = counts;
            cpuBefore = cpu;
            last = now;
            if (duration > 0 && now - started >= TimeUnit.SECONDS.toNanos(duration)) return;
        }
    }

    private List<LoadLogin> logins(LoadSettings settings) throws Exception {
        if (registerAt != null) {
            String operator = token != null ? token
                    : tokenFile != null ? Files.readString(tokenFile, StandardCharsets.UTF_8).trim() : null;
            return new LoadRegistration(registerAt, operator).register(settings.robots());
        }
        if (credentials != null) {
            List<LoadLogin> all = Arrays.asList(new ObjectMapper().readValue(credentials.toFile(), LoadLogin[].class));
            if (all.size() < settings.robots())
                throw new IllegalArgumentException("--credentials: " + credentials + " holds " + all.size()
                        + " robots, fewer than --robots " + settings.robots());
            return all.subList(0, settings.robots());
        }
        return LoadLogin.anonymous(manufacturer, settings.robots());
    }
}
