package dev.provingground.agent.ros;

import dev.provingground.agent.rosbridge.ActionGoal;
import dev.provingground.agent.rosbridge.ActionResult;
import dev.provingground.agent.rosbridge.RosbridgeClient;
import dev.provingground.agent.rosbridge.RosbridgeLinkLost;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROS 2 Nav2: one pose is a {@code nav2_msgs/action/NavigateToPose} goal, several a
 * {@code nav2_msgs/action/NavigateThroughPoses} goal, through rosbridge's {@code send_action_goal}.
 */
public final class Nav2Navigator implements Navigator {

    public static final String NAVIGATE_TO_POSE = "nav2_msgs/action/NavigateToPose";
    public static final String NAVIGATE_THROUGH_POSES = "nav2_msgs/action/NavigateThroughPoses";

    private final RosbridgeClient ros;
    private final String toPoseAction;
    private final String throughPosesAction;
    private final Map<Long, ActionGoal> goals = new HashMap<>();

    public Nav2Navigator(RosbridgeClient ros, String toPoseAction, String throughPosesAction) {
        this.ros = ros;
        this.toPoseAction = toPoseAction;
        this.throughPosesAction = throughPosesAction;
    }

    @Override
    public void send(long goal, List<RosPose> poses, Listener listener) {
        ActionGoal sent;
        if (poses.size() == 1) {
            JsonObject args = new JsonObject().put("pose", RosMessages.poseStamped(poses.get(0))).put("behavior_tree", "");
            sent = ros.sendActionGoal(toPoseAction, NAVIGATE_TO_POSE, args, feedback -> { });
        } else {
            JsonArray list = new JsonArray();
            poses.forEach(p -> list.add(RosMessages.poseStamped(p)));
            JsonObject args = new JsonObject().put("poses", list).put("behavior_tree", "");
            sent = ros.sendActionGoal(throughPosesAction, NAVIGATE_THROUGH_POSES, args, feedback -> {
                if (feedback.getValue("number_of_poses_remaining") instanceof Number n) listener.progress(goal, n.intValue());
            });
        }
        goals.put(goal, sent);
        sent.result().onComplete(ar -> {
            goals.remove(goal);
            if (ar.failed()) {
                listener.ended(goal, ar.cause() instanceof RosbridgeLinkLost ? "LINK_LOST" : "FAILED", ar.cause().getMessage());
                return;
            }
            ActionResult r = ar.result();
            if (r.succeeded()) listener.ended(goal, "SUCCEEDED", null);
            else if (r.canceled()) listener.ended(goal, "CANCELED", null);
            else listener.ended(goal, "FAILED", describe(r));
        });
    }

    private static String describe(ActionResult r) {
        String status = switch (r.status()) {
            case ActionResult.STATUS_ABORTED -> "aborted";
            case ActionResult.STATUS_UNKNOWN -> "rejected";
            default -> "status " + r.status();
        };
        return "goal " + status + (r.values().containsKey("error") ? ": " + r.values().getString("error") : "");
    }

    @Override
    public void cancel(long goal) {
        ActionGoal sent = goals.get(goal);
        if (sent != null) ros.cancelActionGoal(sent);
    }
}
