package dev.provingground.agent.config;

import dev.provingground.agent.frames.FrameTransform;
import dev.provingground.agent.frames.MapFrames;
import dev.provingground.agent.frames.PointPair;
import dev.provingground.vda5050.EStop;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One robot's agent configuration: who it is on VDA 5050, where its rosbridge and the fleet's MQTT endpoint are,
 * which ROS topics and actions mean what, how its ROS maps sit on the site's levels. Read from one JSON file; every
 * setting but the robot's identity and its maps has a default ({@link ConfigHelp} lists them all).
 */
public record AgentConfig(String manufacturer, String serialNumber, String profile, Mqtt mqtt, Rosbridge rosbridge,
                          Ros ros, List<MapSetting> maps, Map<String, ActionMapping> actions,
                          double stateIntervalSeconds, double visualizationIntervalSeconds, Backfill backfill,
                          double problemErrorSeconds) {

    /** The fleet's MQTT endpoint or broker, the robot's login there, and whether the link runs over TLS. */
    public record Mqtt(String host, int port, String username, String password, int keepAliveSeconds,
                       double reconnectSeconds, double maxReconnectSeconds, Tls tls) {
    }

    /**
     * MQTTS to the fleet: the server's certificate must chain to the CA in {@code caFile} (PEM), or to one the JVM
     * trusts when there is none, and name {@code mqtt.host}.
     *
     * @param enabled MQTTS instead of plain MQTT
     * @param caFile  the CA certificate(s) to trust, PEM; null = the JVM's trusted CAs
     */
    public record Tls(boolean enabled, Path caFile) {
        public static Tls none() {
            return new Tls(false, null);
        }
    }

    /** The robot's rosbridge v2 server. */
    public record Rosbridge(String uri, double callTimeoutSeconds, double maxReconnectSeconds) {
    }

    /** Which navigation stack the robot runs. */
    public enum Flavour {
        /** ROS 2 Nav2: nav2_msgs/action/NavigateToPose and NavigateThroughPoses. */
        NAV2,
        /** ROS 1 move_base: MoveBaseActionGoal on {namespace}/goal, result and feedback topics. */
        MOVE_BASE
    }

    /** The ROS topics and actions the agent reads and drives. A null topic is not subscribed. */
    public record Ros(Flavour flavour, String poseTopic, String poseType, String odomTopic, String odomType,
                      String batteryTopic, String batteryType, String diagnosticsTopic, String diagnosticsType,
                      String estopTopic, String estopType, EStop estopKind, String operatingModeTopic,
                      String operatingModeType, String navigateToPoseAction, String navigateThroughPosesAction,
                      boolean throughPoses, String moveBaseNamespace, boolean reportDiagnosticWarnings,
                      int poseThrottleMillis, int odomThrottleMillis) {
    }

    /**
     * One ROS map and the site level it shows: either an explicit transform or at least two point pairs to fit one.
     */
    public record MapSetting(String rosMap, String frameId, String levelMapId, FrameTransform transform,
                             List<PointPair> pointPairs, boolean fixedScale) {
        public MapSetting {
            pointPairs = List.copyOf(pointPairs);
        }

        /** The transform, fitted from the point pairs when none is given; with its residual. */
        public FrameTransform.Fit fit() {
            if (transform != null) return new FrameTransform.Fit(transform, 0, 0);
            return FrameTransform.fit(pointPairs, fixedScale);
        }
    }

    /**
     * How a VDA 5050 action type runs on the robot: a ROS service call or a ROS 2 action goal.
     *
     * @param args           the request (service) or goal (action) sent, as JSON
     * @param passParameters the VDA 5050 action's parameters are added to {@code args} (key → value)
     */
    public record ActionMapping(String service, String serviceType, String action, String actionType, JsonObject args,
                                boolean passParameters) {
    }

    /** The on-disk queue of state samples kept while MQTT is down. */
    public record Backfill(String directory, int maxSamples) {
    }

    public static AgentConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read agent configuration " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(new JsonObject(text));
        } catch (DecodeException | ClassCastException e) {
            throw new ConfigException(file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    public static AgentConfig parse(JsonObject json) {
        Fields root = new Fields(json, "");
        String manufacturer = root.requiredText("manufacturer");
        String serialNumber = root.requiredText("serialNumber");
        String profile = root.text("profile", "indoor-delivery");

        Fields m = root.object("mqtt");
        Mqtt mqtt = new Mqtt(m.text("host", "127.0.0.1"), m.integer("port", 1883, 1, 65535), m.text("username", null),
                m.text("password", null), m.integer("keepAliveSeconds", 15, 1, 3600),
                m.positive("reconnectSeconds", 0.5), m.positive("maxReconnectSeconds", 10), tls(m.object("tls")));
        m.finish();

        Fields rb = root.object("rosbridge");
        Rosbridge rosbridge = new Rosbridge(rb.text("uri", "ws://127.0.0.1:9090"), rb.positive("callTimeoutSeconds", 10),
                rb.positive("maxReconnectSeconds", 10));
        rb.finish();
        try {
            java.net.URI uri = new java.net.URI(rosbridge.uri());
            if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || uri.getHost() == null)
                throw new ConfigException("rosbridge.uri must be ws://host:port or wss://host:port, got " + rosbridge.uri());
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("rosbridge.uri is not a URI: " + e.getMessage());
        }

        Fields r = root.object("ros");
        Flavour flavour = enumOf(Flavour.class, r.text("flavour", "NAV2"), r.path("flavour"));
        boolean nav2 = flavour == Flavour.NAV2;
        Ros ros = new Ros(flavour,
                r.text("poseTopic", "/amcl_pose"),
                r.text("poseType", nav2 ? "geometry_msgs/msg/PoseWithCovarianceStamped" : "geometry_msgs/PoseWithCovarianceStamped"),
                r.text("odomTopic", "/odom"),
                r.text("odomType", nav2 ? "nav_msgs/msg/Odometry" : "nav_msgs/Odometry"),
                r.text("batteryTopic", "/battery_state"),
                r.text("batteryType", nav2 ? "sensor_msgs/msg/BatteryState" : "sensor_msgs/BatteryState"),
                r.text("diagnosticsTopic", "/diagnostics"),
                r.text("diagnosticsType", nav2 ? "diagnostic_msgs/msg/DiagnosticArray" : "diagnostic_msgs/DiagnosticArray"),
                r.text("estopTopic", null),
                r.text("estopType", nav2 ? "std_msgs/msg/Bool" : "std_msgs/Bool"),
                enumOf(EStop.class, r.text("estopKind", "MANUAL"), r.path("estopKind")),
                r.text("operatingModeTopic", null),
                r.text("operatingModeType", nav2 ? "std_msgs/msg/String" : "std_msgs/String"),
                r.text("navigateToPoseAction", "/navigate_to_pose"),
                r.text("navigateThroughPosesAction", "/navigate_through_poses"),
                r.flag("throughPoses", nav2),
                r.text("moveBaseNamespace", "/move_base"),
                r.flag("reportDiagnosticWarnings", false),
                r.integer("poseThrottleMillis", 0, 0, 60_000),
                r.integer("odomThrottleMillis", 100, 0, 60_000));
        r.finish();
        if (ros.throughPoses() && flavour == Flavour.MOVE_BASE)
            throw new ConfigException("ros.throughPoses needs Nav2: move_base drives to one pose at a time");

        List<MapSetting> maps = new ArrayList<>();
        JsonArray mapList = root.array("maps");
        for (int i = 0; i < mapList.size(); i++) maps.add(map(mapList.getValue(i), "maps[" + i + "]"));
        if (maps.isEmpty()) throw new ConfigException("maps is required: at least one ROS map and the level it shows");

        Map<String, ActionMapping> actions = new LinkedHashMap<>();
        Fields a = root.object("actions");
        for (String type : a.keys()) actions.put(type, action(a.rawObject(type), a.path(type)));
        a.finish();

        double stateInterval = root.positive("stateIntervalSeconds", 1);
        double visualizationInterval = root.positive("visualizationIntervalSeconds", 0.5);
        Fields b = root.object("backfill");
        Backfill backfill = new Backfill(b.text("directory", "agent-data/" + serialNumber),
                b.integer("maxSamples", 100_000, 1, 10_000_000));
        b.finish();
        double problemErrorSeconds = root.positive("problemErrorSeconds", 30);
        root.finish();
        AgentConfig config = new AgentConfig(manufacturer, serialNumber, profile, mqtt, rosbridge, ros, List.copyOf(maps),
                Map.copyOf(actions), stateInterval, visualizationInterval, backfill, problemErrorSeconds);
        config.mapFrames(); // fits every transform now, so a bad pair list fails at start, not at the first pose
        return config;
    }

    /**
     * {@code mqtt.tls}: on when asked for or when a CA file is named. The CA file is read now, so a wrong path or a
     * file that holds no certificate fails at start rather than as a link that never comes up.
     */
    private static Tls tls(Fields t) {
        String ca = t.text("caFile", null);
        boolean enabled = t.flag("enabled", ca != null);
        t.finish();
        if (ca == null) return new Tls(enabled, null);
        if (!enabled) throw new ConfigException(t.path("enabled") + " is false but " + t.path("caFile")
                + " is set: remove one (a CA file is for TLS)");
        Path caFile = Path.of(ca);
        try (var in = Files.newInputStream(caFile)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty())
                throw new ConfigException(t.path("caFile") + ": " + caFile + " holds no certificate");
        } catch (IOException e) {
            throw new ConfigException(t.path("caFile") + ": cannot read " + caFile.toAbsolutePath() + ": " + e, e);
        } catch (CertificateException e) {
            throw new ConfigException(t.path("caFile") + ": " + caFile + " is not a PEM certificate: " + e.getMessage(), e);
        }
        return new Tls(true, caFile);
    }

    private static MapSetting map(Object value, String path) {
        if (!(value instanceof JsonObject o)) throw new ConfigException(path + " must be an object");
        Fields f = new Fields(o, path);
        String rosMap = f.requiredText("rosMap");
        String frameId = f.text("frameId", "map");
        String level = f.requiredText("levelMapId");
        FrameTransform transform = null;
        if (f.has("transform")) {
            Fields t = f.object("transform");
            try {
                transform = new FrameTransform(t.number("x", 0), t.number("y", 0), t.number("yaw", 0), t.number("scale", 1));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(path + ".transform: " + e.getMessage());
            }
            t.finish();
        }
        List<PointPair> pairs = new ArrayList<>();
        JsonArray list = f.array("pointPairs");
        for (int i = 0; i < list.size(); i++) {
            if (!(list.getValue(i) instanceof JsonObject po)) throw new ConfigException(path + ".pointPairs[" + i + "] must be an object");
            Fields p = new Fields(po, path + ".pointPairs[" + i + "]");
            Fields ros = p.object("ros");
            Fields lvl = p.object("level");
            pairs.add(new PointPair(ros.number("x", Double.NaN), ros.number("y", Double.NaN),
                    lvl.number("x", Double.NaN), lvl.number("y", Double.NaN)));
            ros.finish();
            lvl.finish();
            p.finish();
            PointPair last = pairs.get(pairs.size() - 1);
            if (!Double.isFinite(last.rosX() + last.rosY() + last.levelX() + last.levelY()))
                throw new ConfigException(path + ".pointPairs[" + i + "] needs ros.x, ros.y, level.x and level.y");
        }
        boolean fixedScale = f.flag("fixedScale", true);
        f.finish();
        if (transform != null && !pairs.isEmpty())
            throw new ConfigException(path + ": give either transform or pointPairs, not both");
        if (transform == null && pairs.isEmpty()) transform = FrameTransform.IDENTITY;
        if (transform == null && pairs.size() < 2)
            throw new ConfigException(path + ".pointPairs: at least two pairs are needed to fit a transform");
        return new MapSetting(rosMap, frameId, level, transform, pairs, fixedScale);
    }

    private static ActionMapping action(JsonObject o, String path) {
        Fields f = new Fields(o, path);
        ActionMapping m = new ActionMapping(f.text("service", null), f.text("serviceType", null), f.text("action", null),
                f.text("actionType", null), f.rawObject("args"), f.flag("passParameters", true));
        f.finish();
        if ((m.service() == null) == (m.action() == null))
            throw new ConfigException(path + ": give either service (with serviceType) or action (with actionType)");
        if (m.action() != null && m.actionType() == null) throw new ConfigException(path + ".actionType is required");
        return m;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String path) {
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(value)) return e;
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add(e.name());
        throw new ConfigException(path + " must be one of " + names + ", got " + value);
    }

    /** The maps with their transforms fitted. */
    public MapFrames mapFrames() {
        List<MapFrames.RosMap> list = new ArrayList<>();
        for (MapSetting m : maps) {
            try {
                list.add(new MapFrames.RosMap(m.rosMap(), m.frameId(), m.levelMapId(), m.fit()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("map " + m.rosMap() + ": " + e.getMessage());
            }
        }
        try {
            return new MapFrames(list);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("maps: " + e.getMessage());
        }
    }

    /** Who the agent speaks for, in logs: {@code manufacturer/serialNumber}. */
    public String robotId() {
        return manufacturer + "/" + serialNumber;
    }
}
