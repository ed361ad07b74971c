package dev.provingground.app;

import dev.provingground.agent.AgentProcess;
import dev.provingground.agent.config.ConfigHelp;
import dev.provingground.server.wiring.Logging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        return AgentProcess.run(config, System.out, System.err);
    }
}
