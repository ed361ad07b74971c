package dev.provingground.app;

import dev.provingground.server.wiring.RunningServer;
import dev.provingground.server.wiring.Logging;
import dev.provingground.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the fleet server: MQTT for robots, REST API, until Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Logging.configure(options.verbose);
        ServerConfig config = options.resolve(System.getenv());
        if (cluster.cluster) {
            ClusterServe.Plan plan;
            try {
                plan = ClusterServe.plan(cluster.settings(), config);
            } catch (IllegalArgumentException wrongOptions) {
                throw new ParameterException(spec.commandLine(), wrongOptions.getMessage(), wrongOptions);
            }
            return ClusterServe.run(plan);
        }
        RunningServer running = RunningServer.start(config, List.of());
        boolean tls = config.tls().enabled();
        System.out.println("Proving Ground server: " + (tls ? "https" : "http") + "://" + config.http().host() + ":"
                + running.server().httpPort() + "/api/v1/health  " + (tls ? "MQTTS" : "MQTT") + " port "
                + running.server().mqttPort());
        System.out.println("Operator token: " + running.server().operatorTokenFile().toAbsolutePath()
                + "   Stop with Ctrl-C.");
        running.awaitShutdown();
        return 0;
    }
}
