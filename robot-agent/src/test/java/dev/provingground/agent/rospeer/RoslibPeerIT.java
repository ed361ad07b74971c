package dev.provingground.agent.rospeer;

import dev.provingground.agent.support.Eventually;
import dev.provingground.agent.support.Peers;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.ros.SimRosRobot;
import dev.provingground.sim.ros.SimRosbridgeServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated ROS robot's rosbridge server against a client nobody here wrote: npm {@code roslib}, the standard ROS
 * JavaScript library, run by Node.js ({@code src/test/peer/roslib-peer.mjs}) — it subscribes, publishes, calls a
 * service and sends a NavigateToPose goal with feedback and cancel.
 */
class RoslibPeerIT {

    @Test
    void roslibSubscribesPublishesCallsAServiceAndSendsAndCancelsANavigationGoal() throws Exception {
        Path node = Peers.executable("node", Path.of("/usr/bin/node")).orElse(null);
        Peers.assume(node != null, "node (Node.js)", "apt-get install nodejs npm");
        Path dir = Peers.npmDir();
        Peers.assume(Files.isDirectory(dir.resolve("node_modules").resolve("roslib")), "the npm package roslib in " + dir,
                "cd " + dir + " && npm ci");
        Vertx vertx = Vertx.vertx();
        try {
            SimRobot robot = new SimRobot("Acme", "R-1", ProfileCatalog.builtIn().require("indoor-delivery"), "map", 0, 0, 0, 80);
            SimRosbridgeServer server = new SimRosbridgeServer(new SimRosRobot(robot),
                    SimRosbridgeServer.Settings.onLoopback(SimRosbridgeServer.Flavour.NAV2));
            Eventually.result(vertx.deployVerticle(server));
            Process peer = new ProcessBuilder(node.toString(), "roslib-peer.mjs", server.uri()).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            List<JsonObject> steps = new ArrayList<>();
            List<String> other = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("{")) steps.add(new JsonObject(line));
                    else other.add(line);
                }
            }
            assertThat(peer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(peer.exitValue()).as("roslib peer: " + steps + " " + other).isZero();
            assertThat(steps).extracting(s -> s.getString("step"))
                    .containsExactly("connected", "subscribed", "published", "called", "feedback", "canceled", "done");
            assertThat(steps.get(3).getBoolean("success")).isTrue();
            assertThat(steps.get(4).getDouble("distance_remaining")).isPositive();
            assertThat(steps.get(5).getString("error")).containsIgnoringCase("canceled");
            assertThat(server.goalsReceived()).isEqualTo(1);
            double stopped = server.odometerMetres();
            assertThat(stopped).as("it drove, then stopped when canceled").isGreaterThan(0).isLessThan(40);
        } finally {
            Eventually.result(vertx.close());
        }
    }
}
