package dev.provingground.sim.ros;

import dev.provingground.sim.robot.LiftDoors;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.Edge;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Node;
import dev.provingground.vda5050.NodePosition;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.State;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ROS robot as its navigation stack and drivers would look over rosbridge, on the kinematics of {@link SimRobot}:
 * a navigation goal (a list of poses in a map frame) drives the simulated robot through them, the robot's pose,
 * odometry, battery and diagnostics come out as ROS messages. Faults can be injected: a rejected or aborted goal, an
 * e-stop, a diagnostics error. The ROS frame id of a pose is the simulated robot's map, so a goal in another frame
 * puts the robot on that map (as an elevator ride would). Pure: time moves only through {@link #advance}.
 * Not thread-safe.
 */
public final class SimRosRobot {

    /** How a goal ended, with the status of {@code action_msgs/GoalStatus}. */
    public enum GoalEnd {
        SUCCEEDED(4), CANCELED(5), ABORTED(6);

        public final int status;

        GoalEnd(int status) {
            this.status = status;
        }
    }

    /** A goal being driven and what became of it. */
    public static final class Goal {
        public final String id;
        public final int poses;
        GoalEnd end;
        String endText;

        Goal(String id, int poses) {
            this.id = id;
            this.poses = poses;
        }

        public GoalEnd end() {
            return end;
        }
    }

    private final SimRobot robot;
    private Goal goal;
    private long orders;
    private boolean rejectNext;
    private boolean eStop;
    private final Map<String, JsonObject> diagnostics = new LinkedHashMap<>();
    private final List<Goal> ended = new ArrayList<>();
    private long goalsReceived;
    private LiftDoors lifts = LiftDoors.NONE;

    public SimRosRobot(SimRobot robot) {
        this.robot = robot;
        diagnostics.put("drive", diagnosticJson("drive", 0, "ok"));
        diagnostics.put("localization", diagnosticJson("localization", 0, "ok"));
    }

    public SimRobot robot() {
        return robot;
    }

    // ---- goals -------------------------------------------------------------------------------------------------

    /**
     * A navigation goal through {@code poses} ({@code geometry_msgs/PoseStamped} JSON). A running goal is preempted
     * (ends CANCELED), as Nav2 and move_base do.
     *
     * @return the rejection reason, or null when the goal is accepted
     */
    public String navigate(String goalId, List<JsonObject> poses) {
        goalsReceived++;
        if (rejectNext) {
            rejectNext = false;
            return "goal rejected by the robot (injected fault)";
        }
        if (poses.isEmpty()) return "a goal needs at least one pose";
        if (goal != null) finish(GoalEnd.CANCELED, "preempted by a new goal");
        robot.instantActions(InstantActions.create(List.of(Action.instant("cancelOrder", "cancel-" + goalId,
                BlockingType.HARD, List.of()))));
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        var here = robot.agvPosition();
        nodes.add(Node.of("start", 0, true, NodePosition.of(here.x(), here.y(), here.mapId()), List.of()));
        for (int i = 0; i < poses.size(); i++) {
            JsonObject p = poses.get(i);
            String frame = p.getJsonObject("header", new JsonObject()).getString("frame_id", robot.mapId());
            JsonObject position = p.getJsonObject("pose").getJsonObject("position");
            nodes.add(Node.of("p" + i, 2L * (i + 1), true, NodePosition.of(position.getDouble("x"), position.getDouble("y"),
                    frame.isEmpty() ? robot.mapId() : frame), List.of()));
            edges.add(Edge.of("e" + i, 2L * i + 1, true, i == 0 ? "start" : "p" + (i - 1), "p" + i, List.of()));
        }
        robot.accept(Order.create("goal-" + (++orders), 0, nodes, edges));
        goal = new Goal(goalId, poses.size());
        return null;
    }

    /** Cancels the goal if it is the running one; false otherwise. */
    public boolean cancel(String goalId) {
        if (goal == null || !goal.id.equals(goalId)) return false;
        stopDriving();
        finish(GoalEnd.CANCELED, "canceled");
        return true;
    }

    /** Injected fault: the running goal is aborted (as Nav2 does when no path is found). */
    public boolean abortGoal(String why) {
        if (goal == null) return false;
        stopDriving();
        finish(GoalEnd.ABORTED, why);
        return true;
    }

    /** Injected fault: the next goal is rejected. */
    public void rejectNextGoal() {
        rejectNext = true;
    }

    private void stopDriving() {
        robot.instantActions(InstantActions.create(List.of(Action.instant("cancelOrder", "cancel-" + goal.id,
                BlockingType.HARD, List.of()))));
    }

    private void finish(GoalEnd end, String text) {
        goal.end = end;
        goal.endText = text;
        ended.add(goal);
        goal = null;
    }

    /** Goals that ended since the last call, oldest first. */
    public List<Goal> takeEnded() {
        List<Goal> out = List.copyOf(ended);
        ended.clear();
        return out;
    }

    public Goal activeGoal() {
        return goal;
    }

    public long goalsReceived() {
        return goalsReceived;
    }

    // ---- elevators ---------------------------------------------------------------------------------------------

    /** The elevators the robot can step into; its ROS map frame names the floor it is on. */
    public SimRosRobot useLifts(LiftDoors doors) {
        this.lifts = doors;
        return this;
    }

    /** The robot steps into car {@code liftName} at its floor; false when the car is not standing open there. */
    public boolean board(String liftName, String robotId) {
        return !eStop && lifts.board(liftName, robot.mapId(), robotId);
    }

    /** The robot steps out of car {@code liftName} at its floor. */
    public boolean alight(String liftName, String robotId) {
        return !eStop && lifts.alight(liftName, robot.mapId(), robotId);
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    /** The e-stop button: the robot stops at once and stands while pressed. */
    public void eStop(boolean pressed) {
        if (pressed == eStop) return;
        eStop = pressed;
        robot.instantActions(InstantActions.create(List.of(Action.instant(pressed ? "startPause" : "stopPause",
                (pressed ? "estop-" : "release-") + goalsReceived, BlockingType.HARD, List.of()))));
    }

    public boolean eStopPressed() {
        return eStop;
    }

    /** Sets one diagnostic: level 0 OK, 1 WARN, 2 ERROR, 3 STALE. */
    public void diagnostic(String name, int level, String message) {
        diagnostics.put(name, diagnosticJson(name, level, message));
    }

    // ---- time --------------------------------------------------------------------------------------------------

    public void advance(double dt) {
        robot.advance(dt);
        if (goal != null && robot.isIdle()) finish(GoalEnd.SUCCEEDED, "reached");
    }

    // ---- ROS messages out --------------------------------------------------------------------------------------

    /** {@code geometry_msgs/PoseWithCovarianceStamped} of the robot in its map. */
    public JsonObject amclPose(double stampSeconds) {
        JsonArray covariance = new JsonArray();
        for (int i = 0; i < 36; i++) covariance.add(i == 0 || i == 7 ? 0.0025 : i == 35 ? 0.001 : 0.0);
        return new JsonObject().put("header", header(stampSeconds, robot.mapId()))
                .put("pose", new JsonObject().put("pose", pose()).put("covariance", covariance));
    }

    /** {@code nav_msgs/Odometry}: velocity in the robot's own frame. */
    public JsonObject odometry(double stampSeconds) {
        return new JsonObject().put("header", header(stampSeconds, "odom")).put("child_frame_id", "base_link")
                .put("pose", new JsonObject().put("pose", pose()))
                .put("twist", new JsonObject().put("twist", new JsonObject()
                        .put("linear", new JsonObject().put("x", robot.speed()).put("y", 0.0).put("z", 0.0))
                        .put("angular", new JsonObject().put("x", 0.0).put("y", 0.0).put("z", 0.0))));
    }

    /** {@code sensor_msgs/BatteryState}. */
    public JsonObject battery(double stampSeconds) {
        double capacityAh = 20;
        double fraction = robot.batteryPercent() / 100;
        return new JsonObject().put("header", header(stampSeconds, "base_link")).put("voltage", 24.0 + 4 * fraction)
                .put("current", robot.speed() > 0 ? -4.0 : -0.5).put("charge", capacityAh * fraction)
                .put("capacity", capacityAh).put("design_capacity", capacityAh).put("percentage", fraction)
                .put("power_supply_status", robot.isCharging() ? 1 : 2).put("present", true);
    }

    /** {@code diagnostic_msgs/DiagnosticArray}. */
    public JsonObject diagnosticArray(double stampSeconds) {
        return new JsonObject().put("header", header(stampSeconds, "")).put("status", new JsonArray(new ArrayList<>(diagnostics.values())));
    }

    /** Navigation feedback of the running goal: Nav2's fields, which also serve move_base's base_position. */
    public JsonObject feedback(double stampSeconds) {
        State s = robot.state();
        double remaining = 0;
        double px = robot.x(), py = robot.y();
        for (var n : s.nodeStates()) {
            remaining += Math.hypot(n.nodePosition().x() - px, n.nodePosition().y() - py);
            px = n.nodePosition().x();
            py = n.nodePosition().y();
        }
        return new JsonObject()
                .put("current_pose", new JsonObject().put("header", header(stampSeconds, robot.mapId())).put("pose", pose()))
                .put("distance_remaining", remaining)
                .put("number_of_poses_remaining", s.nodeStates().size())
                .put("number_of_recoveries", 0);
    }

    private JsonObject pose() {
        double yaw = robot.agvPosition().theta();
        return new JsonObject()
                .put("position", new JsonObject().put("x", robot.x()).put("y", robot.y()).put("z", 0.0))
                .put("orientation", new JsonObject().put("x", 0.0).put("y", 0.0).put("z", Math.sin(yaw / 2)).put("w", Math.cos(yaw / 2)));
    }

    static JsonObject header(double stampSeconds, String frame) {
        long sec = (long) Math.floor(stampSeconds);
        long nanosec = Math.round((stampSeconds - sec) * 1e9);
        return new JsonObject().put("stamp", new JsonObject().put("sec", sec).put("nanosec", nanosec)).put("frame_id", frame);
    }

    private static JsonObject diagnosticJson(String name, int level, String message) {
        return new JsonObject().put("level", level).put("name", name).put("message", message)
                .put("hardware_id", "sim-" + name).put("values", new JsonArray());
    }

    public String goalEndText(Goal g) {
        return g.endText;
    }
}
