package dev.provingground.app;

import dev.provingground.server.wiring.Logging;
import dev.provingground.app.ServeCommand;
import dev.provingground.app.ServerOptions;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.app.demo.DemoLauncher;
import dev.provingground.app.demo.ServerEndpoint;
import dev.provingground.sim.demo.DemoSite;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.site.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
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

    @Override
    public Integer call() throws Exception {
        Logging.configure(options.verbose);
        // The demo is for the machine it runs on: loopback unless asked for more.
        if (options.bind == null) options.bind = "127.0.0.1";
        ServerConfig config = options.resolve(System.getenv());
        if (config.tls().enabled()) {
            // Its simulated robots, lift controllers and robot agents speak plain MQTT and HTTP to the server.
            System.err.println("demo: TLS is not offered by the demo, whose simulated fleet connects in plain MQTT on "
                    + "loopback; run `serve --tls-cert FILE --tls-key FILE` for HTTPS and MQTTS (docs/CONFIGURATION.md)");
            return 2;
        }
        Site site = DemoSite.load();
        var running = ServeCommand.RunningServer.start(config, List.of(site));
        // From here on the demo is a client like any other: the server's ports and an operator token are all it gets.
        ServerEndpoint endpoint = ServerEndpoint.withTokenFrom(reachable(config.http().host()),
                running.server().httpPort(), config.mqtt().mode() == MqttConfig.Mode.EXTERNAL ? config.mqtt().host()
                        : reachable(config.mqtt().host()), running.server().mqttPort(),
                running.server().operatorTokenFile());
        DemoLauncher demo = new DemoLauncher(running.vertx(), endpoint, site);
        running.onStop(demo::stop);
        demo.start(robots, SimFleet.Settings.defaults().withStrayEverySeconds(strayEvery));
        int http = running.server().httpPort();
        System.out.printf("""

                Proving Ground demo is running: %d simulated robots on site "%s".
                  ROS        %d more are ROS robots (Nav2, ROS 1 move_base) through the robot agent: %s
                  console    http://localhost:%d/   (sign in with the token below)
                  API        http://localhost:%d/api/v1/robots   (Authorization: Bearer <token>)
                  token      %s
                  try        curl -s -H "Authorization: Bearer $(cat %s)" localhost:%d/api/v1/robots
                  MQTT       localhost:%d (VDA 5050, uagv/v2/...)
                  elevators  %d simulated cars on lifts/%s/{car}/state, curl -s ... localhost:%d/api/v1/sites/%s/elevators
                Stop with Ctrl-C.
                %n""", robots, site.id(), demo.rosRobotIds().size(),
                String.join(", ", demo.rosRobotIds()), http, http, running.server().operatorTokenFile().toAbsolutePath(),
                running.server().operatorTokenFile(), http, running.server().mqttPort(),
                demo.elevators().clients().size(), site.id(), http, site.id());
        running.awaitShutdown();
        return 0;
    }

    /** A server listening on every interface is reached on loopback; one bound to an address, there. */
    private static String reachable(String boundTo) {
        return boundTo.equals("0.0.0.0") || boundTo.equals("::") ? "127.0.0.1" : boundTo;
    }
}
