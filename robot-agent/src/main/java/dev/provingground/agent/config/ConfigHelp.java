package dev.provingground.agent.config;

import java.util.List;

/** Every setting of the agent's configuration file, with its default and meaning: for --help and the docs. */
public final class ConfigHelp {

    /** One setting: its path in the JSON file, its default ("required" when it has none) and what it does. */
    public record Setting(String name, String fallback, String meaning) {
    }

    public static final List<Setting> SETTINGS = List.of(
            new Setting("manufacturer", "required", "VDA 5050 manufacturer (MQTT topic level and header)"),
            new Setting("serialNumber", "required", "VDA 5050 serial number (MQTT topic level and header)"),
            new Setting("profile", "indoor-delivery", "hardware profile whose factsheet answers factsheetRequest"),
            new Setting("mqtt.host", "127.0.0.1", "fleet server MQTT endpoint or broker"),
            new Setting("mqtt.port", "1883", "its port"),
            new Setting("mqtt.username", "none", "the robot's MQTT login (the id the fleet gave it)"),
            new Setting("mqtt.password", "none", "its password"),
            new Setting("mqtt.keepAliveSeconds", "15", "keep-alive and ping interval; a ping unanswered this long: link dead"),
            new Setting("mqtt.reconnectSeconds", "0.5", "first wait before reconnecting; doubles each failure"),
            new Setting("mqtt.maxReconnectSeconds", "10", "longest wait between reconnect attempts"),
            new Setting("mqtt.tls.enabled", "false; true with caFile", "MQTTS: TLS to the fleet, its certificate checked"),
            new Setting("mqtt.tls.caFile", "none: the JVM's CAs", "PEM file of the CA the fleet's certificate must chain to"),
            new Setting("rosbridge.uri", "ws://127.0.0.1:9090", "the robot's rosbridge v2 server"),
            new Setting("rosbridge.callTimeoutSeconds", "10", "a ROS service call without answer in this time fails"),
            new Setting("rosbridge.maxReconnectSeconds", "10", "longest wait between rosbridge reconnect attempts"),
            new Setting("ros.flavour", "NAV2", "NAV2 (ROS 2 Nav2 actions) or MOVE_BASE (ROS 1 move_base topics)"),
            new Setting("ros.poseTopic", "/amcl_pose", "robot pose in the map: PoseWithCovarianceStamped or PoseStamped"),
            new Setting("ros.poseType", "geometry_msgs/msg/PoseWithCovarianceStamped", "its type (ROS 1: no /msg/)"),
            new Setting("ros.poseThrottleMillis", "0", "rosbridge throttle_rate of the pose topic"),
            new Setting("ros.odomTopic", "/odom", "nav_msgs/Odometry: velocity (null: not read)"),
            new Setting("ros.odomType", "nav_msgs/msg/Odometry", "its type"),
            new Setting("ros.odomThrottleMillis", "100", "rosbridge throttle_rate of odometry (odom comes at 50 Hz)"),
            new Setting("ros.batteryTopic", "/battery_state", "sensor_msgs/BatteryState (null: not read)"),
            new Setting("ros.batteryType", "sensor_msgs/msg/BatteryState", "its type"),
            new Setting("ros.diagnosticsTopic", "/diagnostics", "diagnostic_msgs/DiagnosticArray: ERROR becomes a FATAL error"),
            new Setting("ros.diagnosticsType", "diagnostic_msgs/msg/DiagnosticArray", "its type"),
            new Setting("ros.reportDiagnosticWarnings", "false", "also report WARN diagnostics, as WARNING errors"),
            new Setting("ros.estopTopic", "none", "std_msgs/Bool, true while the e-stop is pressed"),
            new Setting("ros.estopType", "std_msgs/msg/Bool", "its type"),
            new Setting("ros.estopKind", "MANUAL", "VDA 5050 safetyState.eStop reported while pressed (AUTOACK, MANUAL, REMOTE)"),
            new Setting("ros.operatingModeTopic", "none", "std_msgs/String with a VDA 5050 operatingMode name"),
            new Setting("ros.operatingModeType", "std_msgs/msg/String", "its type"),
            new Setting("ros.navigateToPoseAction", "/navigate_to_pose", "Nav2 NavigateToPose action server"),
            new Setting("ros.navigateThroughPosesAction", "/navigate_through_poses", "Nav2 NavigateThroughPoses action server"),
            new Setting("ros.throughPoses", "true for NAV2", "drive a run of nodes without actions as one NavigateThroughPoses goal"),
            new Setting("ros.moveBaseNamespace", "/move_base", "move_base's topics: {ns}/goal, {ns}/cancel, {ns}/result, {ns}/feedback"),
            new Setting("maps[].rosMap", "required", "name of a ROS map of the robot"),
            new Setting("maps[].frameId", "map", "frame_id of poses and goals on that map"),
            new Setting("maps[].levelMapId", "required", "the site level's VDA 5050 mapId the map shows"),
            new Setting("maps[].transform", "identity", "{x, y, yaw, scale}: level = scale*R(yaw)*ros + (x, y)"),
            new Setting("maps[].pointPairs", "none", "[{ros: {x, y}, level: {x, y}}, ...]: at least two, to fit the transform"),
            new Setting("maps[].fixedScale", "true", "fit rotation and offset only (a map drawn to scale)"),
            new Setting("actions.<actionType>.service", "none", "ROS service that runs the VDA 5050 action"),
            new Setting("actions.<actionType>.serviceType", "none", "its type, e.g. std_srvs/srv/Trigger"),
            new Setting("actions.<actionType>.action", "none", "or a ROS 2 action server that runs it"),
            new Setting("actions.<actionType>.actionType", "none", "its type"),
            new Setting("actions.<actionType>.args", "{}", "request or goal sent"),
            new Setting("actions.<actionType>.passParameters", "true", "add the VDA 5050 action parameters to args"),
            new Setting("stateIntervalSeconds", "1", "state is published on every change and at least this often"),
            new Setting("visualizationIntervalSeconds", "0.5", "visualization (pose and velocity) rate"),
            new Setting("backfill.directory", "agent-data/<serialNumber>", "on-disk queue of state kept while MQTT is down"),
            new Setting("backfill.maxSamples", "100000", "queue bound; when full the oldest sample is dropped and counted"),
            new Setting("problemErrorSeconds", "30", "how long a bad rosbridge message stays reported as a VDA 5050 error"));

    private ConfigHelp() {
    }

    /**
     * The settings as plain text for a terminal of 80 columns: per setting a line with its name and default and an
     * indented line with its meaning.
     */
    public static String table() {
        StringBuilder out = new StringBuilder();
        for (Setting s : SETTINGS) {
            out.append("  ").append(s.name()).append(" (").append(s.fallback()).append(")").append(System.lineSeparator());
            out.append("      ").append(s.meaning()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
