package dev.provingground.agent.ros;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the ROS messages the agent subscribes to from their rosbridge JSON, and writes the goals it sends. Pure. A
 * message missing a field the agent needs throws {@link IllegalArgumentException} naming it; the caller reports it.
 */
public final class RosMessages {

    private RosMessages() {
    }

    /** {@code geometry_msgs/PoseWithCovarianceStamped} or {@code geometry_msgs/PoseStamped}. */
    public static RosPose pose(JsonObject msg) {
        JsonObject header = msg.getJsonObject("header", new JsonObject());
        JsonObject outer = require(msg, "pose");
        boolean withCovariance = outer.containsKey("pose") && outer.getValue("pose") instanceof JsonObject;
        JsonObject pose = withCovariance ? outer.getJsonObject("pose") : outer;
        JsonObject position = require(pose, "position");
        JsonObject q = require(pose, "orientation");
        Double deviation = null;
        if (withCovariance && outer.getValue("covariance") instanceof JsonArray cov && cov.size() >= 8) {
            double vx = number(cov.getValue(0)), vy = number(cov.getValue(7));
            if (Double.isFinite(vx) && Double.isFinite(vy) && vx >= 0 && vy >= 0) deviation = Math.sqrt(Math.max(vx, vy));
        }
        return new RosPose(header.getString("frame_id", ""), finite(position, "x"), finite(position, "y"),
                yaw(q), deviation);
    }

    /** Yaw (radians) of a quaternion {@code {x, y, z, w}}. */
    public static double yaw(JsonObject q) {
        double x = num(q, "x"), y = num(q, "y"), z = num(q, "z"), w = q.containsKey("w") ? num(q, "w") : 1;
        return Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
    }

    public static JsonObject quaternion(double yaw) {
        return new JsonObject().put("x", 0.0).put("y", 0.0).put("z", Math.sin(yaw / 2)).put("w", Math.cos(yaw / 2));
    }

    /** Velocity of {@code nav_msgs/Odometry} in the robot's own frame: {@code [vx, vy, omega]}. */
    public static double[] odomVelocity(JsonObject msg) {
        JsonObject twist = require(require(msg, "twist"), "twist");
        JsonObject linear = require(twist, "linear");
        JsonObject angular = twist.getJsonObject("angular", new JsonObject());
        return new double[]{finite(linear, "x"), num(linear, "y"), num(angular, "z")};
    }

    /**
     * {@code sensor_msgs/BatteryState} as {@code [percent 0–100, voltage or NaN, charging 1/0]}; percent is NaN when
     * the robot knows neither its percentage nor its charge and capacity. rosbridge writes NaN as null.
     */
    public static double[] battery(JsonObject msg) {
        double percentage = num(msg, "percentage");
        double percent = Double.isFinite(percentage) ? percentage * 100 : Double.NaN;
        if (!Double.isFinite(percent)) {
            double charge = num(msg, "charge"), capacity = num(msg, "capacity");
            if (Double.isFinite(charge) && capacity > 0) percent = 100 * charge / capacity;
        }
        if (Double.isFinite(percent)) percent = Math.max(0, Math.min(100, percent));
        Object status = msg.getValue("power_supply_status");
        boolean charging = status instanceof Number n && (n.intValue() == 1 || n.intValue() == 4);
        return new double[]{percent, num(msg, "voltage"), charging ? 1 : 0};
    }

    /** One entry of a {@code diagnostic_msgs/DiagnosticArray}. */
    public record DiagnosticStatus(int level, String name, String message, String hardwareId) {
        public static final int OK = 0, WARN = 1, ERROR = 2, STALE = 3;
    }

    public static List<DiagnosticStatus> diagnostics(JsonObject msg) {
        List<DiagnosticStatus> out = new ArrayList<>();
        Object list = msg.getValue("status");
        if (!(list instanceof JsonArray array)) throw new IllegalArgumentException("DiagnosticArray without status list");
        for (Object o : array) {
            if (!(o instanceof JsonObject s)) throw new IllegalArgumentException("DiagnosticStatus is not an object");
            out.add(new DiagnosticStatus(level(s.getValue("level")), s.getString("name", ""), s.getString("message", ""),
                    s.getString("hardware_id", "")));
        }
        return out;
    }

    /**
     * A {@code byte} field: rosbridge for ROS 1 writes a number, for ROS 2 a number or the byte as a one-character or
     * base64 string, depending on its version.
     */
    static int level(Object value) {
        if (value instanceof Number n) return n.intValue();
        if (value instanceof String s && !s.isEmpty()) {
            if (s.length() == 1) return s.charAt(0) < 10 ? s.charAt(0) : Character.digit(s.charAt(0), 10);
            try {
                byte[] bytes = Base64.getDecoder().decode(s);
                if (bytes.length == 1) return bytes[0];
            } catch (IllegalArgumentException ignored) {
                // not base64 either: fall through
            }
        }
        throw new IllegalArgumentException("DiagnosticStatus level " + value + " is not a byte");
    }

    /** {@code std_msgs/Bool}. */
    public static boolean bool(JsonObject msg) {
        Object v = msg.getValue("data");
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException("std_msgs/Bool without boolean data");
        return b;
    }

    /** {@code std_msgs/String}. */
    public static String string(JsonObject msg) {
        Object v = msg.getValue("data");
        if (!(v instanceof String s)) throw new IllegalArgumentException("std_msgs/String without string data");
        return s;
    }

    /** A {@code geometry_msgs/PoseStamped}. */
    public static JsonObject poseStamped(RosPose p) {
        return new JsonObject()
                .put("header", new JsonObject().put("frame_id", p.frameId()))
                .put("pose", new JsonObject()
                        .put("position", new JsonObject().put("x", p.x()).put("y", p.y()).put("z", 0.0))
                        .put("orientation", quaternion(p.yaw())));
    }

    private static JsonObject require(JsonObject o, String key) {
        Object v = o.getValue(key);
        if (!(v instanceof JsonObject j)) throw new IllegalArgumentException("field " + key + " missing or not an object");
        return j;
    }

    private static double finite(JsonObject o, String key) {
        double v = num(o, key);
        if (!Double.isFinite(v)) throw new IllegalArgumentException("field " + key + " missing or not a finite number");
        return v;
    }

    private static double num(JsonObject o, String key) {
        return number(o.getValue(key));
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
