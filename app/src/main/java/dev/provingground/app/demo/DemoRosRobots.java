package dev.provingground.app.demo;

import dev.provingground.agent.RobotAgent;
import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.sim.link.MqttTarget;
import dev.provingground.sim.robot.LiftDoors;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.ros.SimRosRobot;
import dev.provingground.sim.ros.SimRosbridgeServer;
import dev.provingground.site.Site;
import io.vertx.core.Future;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's ROS robots, each a simulated ROS robot behind its own rosbridge server on a free loopback port and a real
 * robot agent (the one {@code ./proving-ground agent} runs) between that rosbridge and the server's MQTT endpoint. Both
 * run as Vert.x deployments beside the demo, so the robots reach the server over real sockets like any other.
 */
final class DemoRosRobots {

    /** A demo ROS robot as registered: the server's id and the MQTT password it answered. */
    record Registered(DemoRosRobot robot, String id, String password) {
    }

    /** One robot running: its simulated ROS side and its agent, for tests to look at. */
    record Running(String id, DemoRosRobot robot, SimRosbridgeServer ros, RobotAgent agent) {
    }

    private final Vertx vertx;
    private final Site site;
    private final LiftDoors lifts;
    private final double timeScale;
    private final Clock clock;
    private final List<Running> running = new ArrayList<>();
    private final List<String> deployments = new ArrayList<>();
    private Path backfill;

    /**
     * @param timeScale simulated seconds per real second, as for the demo's other simulated robots
     * @param clock     what the agents stamp their messages with, as the demo's other simulated robots do
     */
    DemoRosRobots(Vertx vertx, Site site, LiftDoors lifts, double timeScale, Clock clock) {
        this.vertx = vertx;
        this.site = site;
        this.lifts = lifts;
        this.timeScale = timeScale;
        this.clock = clock;
    }

    /** Starts each robot's rosbridge, then its agent; completes once all are deployed. */
    Future<Void> start(List<Registered> robots, MqttTarget mqtt) {
        try {
            // The agents' store-and-forward queues are of this run only: the demo's robots get fresh logins each start.
            backfill = Files.createTempDirectory("pg-demo-agents-");
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        Future<Void> chain = Future.succeededFuture();
        for (Registered r : robots) chain = chain.compose(v -> startOne(r, mqtt));
        return chain;
    }

    private Future<Void> startOne(Registered r, MqttTarget mqtt) {
        HardwareProfile profile = ProfileCatalog.builtIn().require(r.robot().plan().profile());
        var plan = r.robot().plan();
        // The simulated robot lives in its own ROS map; where it starts there is the start place put through the map.
        double[] start = r.robot().map().toRos(plan.start().x(), plan.start().y());
        SimRosRobot sim = new SimRosRobot(new SimRobot(plan.firm().manufacturer(), plan.serialNumber(), profile,
                plan.level(), start[0], start[1], 0, 90)).useLifts(lifts);
        SimRosbridgeServer ros = new SimRosbridgeServer(sim, new SimRosbridgeServer.Settings("127.0.0.1", 0,
                r.robot().flavour(), 20, timeScale));
        return vertx.deployVerticle(ros).compose(rosId -> {
            deployments.add(rosId);
            RobotAgent agent = new RobotAgent(DemoAgentConfig.of(r.robot(), site, r.id(), r.password(), mqtt,
                    ros.uri(), backfill.resolve(plan.serialNumber())), profile,
                    new Vda5050Codec(), clock);
            return vertx.deployVerticle(agent).map(agentId -> {
                deployments.add(agentId);
                running.add(new Running(r.id(), r.robot(), ros, agent));
                return null;
            });
        });
    }

    List<Running> running() {
        return List.copyOf(running);
    }

    /** Stops the agents before their rosbridges (last deployed first), so each agent says OFFLINE while it can. */
    Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            String id = deployments.get(i);
            chain = chain.compose(v -> vertx.undeploy(id).recover(e -> Future.succeededFuture()));
        }
        return chain.andThen(done -> deleteBackfill());
    }

    private void deleteBackfill() {
        if (backfill == null) return;
        try (Stream<Path> files = Files.walk(backfill)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
