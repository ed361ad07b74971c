package dev.provingground.agent.rospeer;

import dev.provingground.agent.support.Eventually;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.ros.SimRosRobot;
import dev.provingground.sim.ros.SimRosbridgeServer;
import edu.wpi.rail.jrosbridge.Ros;
import edu.wpi.rail.jrosbridge.Topic;
import edu.wpi.rail.jrosbridge.messages.Message;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated ROS robot's rosbridge server against another client nobody here wrote: Java's jrosbridge. */
class JrosbridgePeerIT {

    @Test
    void jrosbridgeSubscribesAndPublishes() {
        Vertx vertx = Vertx.vertx();
        try {
            SimRobot robot = new SimRobot("Acme", "R-1", ProfileCatalog.builtIn().require("indoor-delivery"), "map", 1, 2, 0, 80);
            SimRosbridgeServer server = new SimRosbridgeServer(new SimRosRobot(robot),
                    SimRosbridgeServer.Settings.onLoopback(SimRosbridgeServer.Flavour.NAV2));
            Eventually.result(vertx.deployVerticle(server));
            Ros ros = new Ros("127.0.0.1", server.port());
            assertThat(ros.connect()).isTrue();
            try {
                List<String> poses = new CopyOnWriteArrayList<>();
                new Topic(ros, "/amcl_pose", "geometry_msgs/msg/PoseWithCovarianceStamped")
                        .subscribe(message -> poses.add(message.toString()));
                Eventually.until("poses through jrosbridge", () -> poses.size() >= 2);
                assertThat(poses.get(0)).contains("\"x\":1.0").contains("\"y\":2.0");

                List<String> heard = new CopyOnWriteArrayList<>();
                Topic chatter = new Topic(ros, "/chatter", "std_msgs/msg/String");
                chatter.subscribe(message -> heard.add(message.toString()));
                chatter.advertise();
                Eventually.until("its own message back through the server", () -> {
                    chatter.publish(new Message("{\"data\": \"hello from jrosbridge\"}"));
                    return heard.stream().anyMatch(m -> m.contains("hello from jrosbridge"));
                });
            } finally {
                ros.disconnect();
            }
        } finally {
            Eventually.result(vertx.close());
        }
    }
}
