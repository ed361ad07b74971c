package dev.provingground.app.demo;

import dev.provingground.agent.config.AgentConfig;
import dev.provingground.agent.frames.FrameTransform;
import dev.provingground.site.Level;
import dev.provingground.site.Site;
import dev.provingground.sim.link.MqttTarget;
import dev.provingground.sim.ros.SimRosbridgeServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * The configuration a vendor would write for a demo ROS robot's agent (docs/ROBOT-AGENT.md): the MQTT login the API
 * answered, the robot's rosbridge, its ROS maps on the site's levels and the ROS services behind the actions the
 * server's orders carry.
 */
final class DemoAgentConfig {

    private DemoAgentConfig() {
    }

    static AgentConfig of(DemoRosRobot robot, Site site, String robotId, String password, MqttTarget mqtt,
                          String rosbridgeUri, Path backfill) {
        boolean ros2 = robot.flavour() == SimRosbridgeServer.Flavour.NAV2;
        // ROS 1 names its message and service types without the "srv"/"msg" part.
        String trigger = ros2 ? "std_srvs/srv/Trigger" : "std_srvs/Trigger";
        return AgentConfig.parse(new JsonObject()
                .put("manufacturer", robot.plan().firm().manufacturer()).put("serialNumber", robot.plan().serialNumber())
                .put("profile", robot.plan().profile())
                .put("mqtt", mqtt(mqtt).put("username", robotId).put("password", password))
                .put("rosbridge", new JsonObject().put("uri", rosbridgeUri))
                .put("ros", new JsonObject().put("flavour", ros2 ? "NAV2" : "MOVE_BASE").put("estopTopic", "/estop"))
                .put("maps", maps(robot, site))
                .put("actions", new JsonObject()
                        .put("trayHandover", service("/tray/handover", trigger))
                        .put("elevatorBoard", service("/elevator/board", "pg_msgs/srv/Lift"))
                        .put("elevatorAlight", service("/elevator/alight", "pg_msgs/srv/Lift")))
                .put("stateIntervalSeconds", 0.5)
                .put("backfill", new JsonObject().put("directory", backfill.toString())));
    }

    /** Where the agent finds the fleet, as {@code mqtt.host}, {@code port} and {@code tls} of its file. */
    private static JsonObject mqtt(MqttTarget target) {
        JsonObject mqtt = new JsonObject().put("host", target.host()).put("port", target.port());
        if (target.tls()) {
            JsonObject tls = new JsonObject().put("enabled", true);
            if (target.caFile() != null) tls.put("caFile", target.caFile().toString());
            mqtt.put("tls", tls);
        }
        return mqtt;
    }

    /**
     * The simulated ROS robot names its map frame after the level it is on, so each level is one ROS map; a robot that
     * rides the lifts needs every level's (routes between floors may cross the outdoor level), one that stays needs
     * only its own.
     */
    private static JsonArray maps(DemoRosRobot robot, Site site) {
        JsonArray maps = new JsonArray();
        for (Level level : site.levels()) {
            boolean home = level.id().equals(robot.plan().level());
            if (!home && !robot.ridesLifts()) continue;
            JsonObject map = new JsonObject().put("rosMap", level.id()).put("frameId", level.id())
                    .put("levelMapId", level.id());
            FrameTransform t = home ? robot.map() : FrameTransform.IDENTITY;
            map.put("transform", new JsonObject().put("x", t.x()).put("y", t.y()).put("yaw", t.yaw())
                    .put("scale", t.scale()));
            maps.add(map);
        }
        return maps;
    }

    private static JsonObject service(String name, String type) {
        return new JsonObject().put("service", name).put("serviceType", type);
    }
}
