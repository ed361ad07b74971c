package dev.provingground.agent;

import dev.provingground.agent.config.AgentConfig;
import dev.provingground.agent.config.ConfigException;
import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Vertx;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent as a process: reads its configuration file, runs until the JVM is asked to stop, then says OFFLINE.
 * The launcher's {@code agent} command runs it, and the agent benchmark starts it in a child JVM of its own.
 */
public final class AgentProcess {

    private AgentProcess() {
    }

    /** {@code java ... dev.provingground.agent.AgentProcess CONFIG}, for a child JVM that has no launcher. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: AgentProcess CONFIG_FILE");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), System.out, System.err));
    }

    /** Runs the agent until the JVM shuts down; 0 then, 2 when the configuration is refused (said on {@code err}). */
    public static int run(Path config, PrintStream out, PrintStream err) throws Exception {
        AgentConfig settings;
        HardwareProfile profile;
        try {
            settings = AgentConfig.load(config);
            profile = ProfileCatalog.builtIn().require(settings.profile());
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("proving-ground agent: " + e.getMessage());
            return 2;
        }
        Vertx vertx = Vertx.vertx();
        RobotAgent agent = new RobotAgent(settings, profile, new Vda5050Codec(), Clock.systemUTC());
        vertx.deployVerticle(agent).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        out.println("agent for " + settings.robotId() + " running: rosbridge " + settings.rosbridge().uri()
                + ", MQTT " + settings.mqtt().host() + ":" + settings.mqtt().port() + ". Stop with Ctrl-C.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // Undeploying says OFFLINE and disconnects cleanly, so the fleet does not act on the last will.
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                err.println("agent stop: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
