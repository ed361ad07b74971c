package dev.provingground.app;

import dev.provingground.agent.RobotAgent;
import dev.provingground.agent.config.AgentConfig;
import dev.provingground.agent.config.ConfigException;
import dev.provingground.agent.config.ConfigHelp;
import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code ./proving-ground agent --config FILE}: one ROS robot joins a VDA 5050 fleet through its rosbridge. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Run the robot agent on a ROS robot's computer: rosbridge v2 to the robot, VDA 5050 over MQTT to the fleet.",
                "State is kept on disk while MQTT is down and sent on stateBackfill once it is back (docs/ROBOT-AGENT.md)."},
        footerHeading = "%nSettings of the configuration file (JSON), each with its default:%n")
public final class AgentCommand implements Callable<Integer> {

    /**
     * vertx-mqtt logs every failed connect as SEVERE with a stack trace; while the fleet is out of reach the agent
     * retries for hours, and says so itself (link up, link dropped). Held here: JUL forgets unreferenced loggers.
     */
    private static final Logger MQTT_CLIENT = Logger.getLogger("io.vertx.mqtt.impl.MqttClientImpl");

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the robot's agent configuration (JSON)")
    Path config;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    /** The settings table picocli prints after the options, from the one list the configuration reader follows. */
    static String footer() {
        return ConfigHelp.table();
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbose);
        if (!verbose) MQTT_CLIENT.setLevel(Level.OFF);
        AgentConfig settings;
        HardwareProfile profile;
        try {
            settings = AgentConfig.load(config);
            profile = ProfileCatalog.builtIn().require(settings.profile());
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("proving-ground agent: " + e.getMessage());
            return 2;
        }
        Vertx vertx = Vertx.vertx();
        RobotAgent agent = new RobotAgent(settings, profile, new Vda5050Codec(), Clock.systemUTC());
        vertx.deployVerticle(agent).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("agent for " + settings.robotId() + " running: rosbridge " + settings.rosbridge().uri()
                + ", MQTT " + settings.mqtt().host() + ":" + settings.mqtt().port() + ". Stop with Ctrl-C.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // Undeploying says OFFLINE and disconnects cleanly, so the fleet does not act on the last will.
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("agent stop: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
