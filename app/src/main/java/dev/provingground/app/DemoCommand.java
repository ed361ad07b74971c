package dev.provingground.app;

import dev.provingground.server.wiring.RunningServer;
import dev.provingground.server.wiring.Logging;
import dev.provingground.app.demo.DemoLauncher;
import dev.provingground.app.demo.ServerEndpoint;
import dev.provingground.app.tls.LocalCertificates;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.config.TlsConfig;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.site.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the server on embedded defaults with a simulated fleet on the demo building.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = "--robots", paramLabel = "N", defaultValue = "12",
            description = "how many simulated robots (default: ${DEFAULT-VALUE}; the mix repeats)")
    int robots;

    @Option(names = "--stray-every", paramLabel = "SECONDS", defaultValue = "45",
            description = "fault mode: every SECONDS one driving robot strays off its route so enforcement shows; 0 = never (default: ${DEFAULT-VALUE})")
    long strayEvery;

    @Option(names = "--tls",
            description = "serve HTTPS and MQTTS with a certificate made for this machine by a CA of its own, whose "
                    + "certificate is written to DATA/tls/ca.pem (kept and reused while valid) for curl --cacert, "
                    + "mosquitto_pub --cafile or a browser; the demo's own robots, lift cars and operator trust it "
                    + "(default: plain HTTP and MQTT on loopback)")
    boolean tls;

    /** The server and the demo on it, as {@link #start} leaves them. */
    public record RunningDemo(RunningServer running, DemoLauncher demo, ServerEndpoint endpoint, Site site) {
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(options.verbose);
        RunningDemo started;
        try {
            started = start();
        } catch (IllegalArgumentException refused) {
            System.err.println("demo: " + refused.getMessage());
            return 2;
        }
        System.out.print(banner(started));
        started.running().awaitShutdown();
        return 0;
    }

    /**
     * Starts the server (with a local certificate under {@code --tls}) and the demo on it, and returns once every demo
     * robot and lift car is connected. Blocks; never call it on an event loop.
     *
     * @throws IllegalArgumentException for options the demo cannot run with, naming them
     */
    public RunningDemo start() throws Exception {
        // The demo is for the machine it runs on: loopback unless asked for more.
        if (options.bind == null) options.bind = "127.0.0.1";
        ServerConfig config = options.resolve(System.getenv());
        if (config.tls().enabled())
            throw new IllegalArgumentException("--tls-cert and --tls-key are for `serve`; the demo makes a certificate "
                    + "its own clients trust with --tls (docs/CONFIGURATION.md)");
        Path caFile = null;
        if (tls) {
            if (config.mqtt().mode() == MqttConfig.Mode.EXTERNAL)
                throw new IllegalArgumentException("--tls serves MQTTS from the embedded endpoint; with --mqtt-broker "
                        + "the broker's TLS is set up at the broker");
            LocalCertificates.Issued issued = LocalCertificates.withJdkKeytool(Clock.systemUTC())
                    .inDirectory(config.dataDir().resolve("tls"), certificateHosts(config.http().host()));
            config = config.withTls(new TlsConfig(issued.serverCert(), issued.serverKey()));
            caFile = issued.caCert().toAbsolutePath().normalize();
        }
        Site site = DemoSite.load();
        var running = RunningServer.start(config, List.of(site));
        try {
            // From here on the demo is a client like any other: the server's ports and an operator token are all it gets.
            ServerEndpoint endpoint = ServerEndpoint.withTokenFrom(reachable(config.http().host()),
                    running.server().httpPort(), config.mqtt().mode() == MqttConfig.Mode.EXTERNAL ? config.mqtt().host()
                            : reachable(config.mqtt().host()), running.server().mqttPort(),
                    running.server().operatorTokenFile(), caFile);
            DemoLauncher demo = new DemoLauncher(running.vertx(), endpoint, site);
            running.onStop(demo::stop);
            demo.start(robots, SimFleet.Settings.defaults().withStrayEverySeconds(strayEvery));
            return new RunningDemo(running, demo, endpoint, site);
        } catch (Exception | Error e) {
            running.stop();
            throw e;
        }
    }

    /** What the user is told once the demo runs: where everything is, and how to trust the CA under TLS. */
    private static String banner(RunningDemo started) {
        ServerEndpoint endpoint = started.endpoint();
        DemoLauncher demo = started.demo();
        Path tokenFile = started.running().server().operatorTokenFile();
        int http = endpoint.httpPort();
        String base = (endpoint.tls() ? "https" : "http") + "://localhost:" + http;
        String cacert = endpoint.tls() ? "--cacert " + endpoint.caFile() + " " : "";
        String siteId = started.site().id();
        StringBuilder out = new StringBuilder();
        out.append(String.format("""

                Proving Ground demo is running: %d simulated robots on site "%s".
                  ROS        %d more are ROS robots (Nav2, ROS 1 move_base) through the robot agent: %s
                  console    %s/   (sign in with the token below)
                  API        %s/api/v1/robots   (Authorization: Bearer <token>)
                  token      %s
                  try        curl -s %s-H "Authorization: Bearer $(cat %s)" %s/api/v1/robots
                  %-10s localhost:%d (VDA 5050, uagv/v2/...)
                  elevators  %d simulated cars on lifts/%s/{car}/state, curl -s ... %s/api/v1/sites/%s/elevators
                """, demo.fleet().clients().size(), siteId, demo.rosRobotIds().size(),
                String.join(", ", demo.rosRobotIds()), base, base, tokenFile.toAbsolutePath(), cacert, tokenFile, base,
                endpoint.tls() ? "MQTTS" : "MQTT", endpoint.mqttPort(), demo.elevators().clients().size(), siteId, base,
                siteId));
        if (endpoint.tls()) out.append(String.format("""
                  CA         %s   (made for this machine; trust it: curl --cacert, mosquitto_pub --cafile, or import it into the browser)
                """, endpoint.caFile()));
        out.append(String.format("Stop with Ctrl-C.%n%n"));
        return out.toString();
    }

    /**
     * The names the demo's certificate is for: loopback by name and address, and the address the server is bound to
     * when that is one address (clients elsewhere reach it there).
     */
    static Set<String> certificateHosts(String boundTo) {
        Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (!isWildcard(boundTo)) hosts.add(boundTo);
        return hosts;
    }

    /** A server listening on every interface is reached on loopback; one bound to an address, there. */
    private static String reachable(String boundTo) {
        return isWildcard(boundTo) ? "127.0.0.1" : boundTo;
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::");
    }
}
