package dev.provingground.agent.ros;

import dev.provingground.agent.rosbridge.RosbridgeClient;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROS 1 move_base over its actionlib topics: a {@code move_base_msgs/MoveBaseActionGoal} on {@code {ns}/goal}, an
 * {@code actionlib_msgs/GoalID} on {@code {ns}/cancel}, the end from {@code {ns}/result}
 * ({@code actionlib_msgs/GoalStatus}: 3 SUCCEEDED, 2 PREEMPTED and 8 RECALLED canceled, 4 ABORTED and 5 REJECTED
 * failed). move_base drives to one pose at a time.
 */
public final class MoveBaseNavigator implements Navigator {

    private final RosbridgeClient ros;
    private final String namespace;
    private final String goalPrefix;
    private final Map<String, Long> goalsByRosId = new HashMap<>();
    private final Map<Long, Listener> listeners = new HashMap<>();

    public MoveBaseNavigator(RosbridgeClient ros, String namespace, String robotName) {
        this.ros = ros;
        this.namespace = namespace;
        this.goalPrefix = "pg-" + robotName.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
        ros.advertise(namespace + "/goal", "move_base_msgs/MoveBaseActionGoal");
        ros.advertise(namespace + "/cancel", "actionlib_msgs/GoalID");
        ros.subscribe(namespace + "/result", "move_base_msgs/MoveBaseActionResult", 0, this::onResult);
        // A goal sent on a link that then dropped may have been lost with it: the agent sends it again.
        ros.linkHandler(up -> {
            if (!up) {
                Map<Long, Listener> lost = new HashMap<>(listeners);
                listeners.clear();
                goalsByRosId.clear();
                lost.forEach((goal, l) -> l.ended(goal, "LINK_LOST", "rosbridge link dropped"));
            }
        });
    }

    @Override
    public void send(long goal, List<RosPose> poses, Listener listener) {
        if (poses.size() != 1) throw new IllegalArgumentException("move_base drives to one pose at a time");
        String id = goalPrefix + goal;
        goalsByRosId.put(id, goal);
        listeners.put(goal, listener);
        JsonObject msg = new JsonObject()
                .put("goal_id", new JsonObject().put("id", id))
                .put("goal", new JsonObject().put("target_pose", RosMessages.poseStamped(poses.get(0))));
        if (!ros.publish(namespace + "/goal", msg)) {
            listeners.remove(goal);
            goalsByRosId.remove(id);
            listener.ended(goal, "LINK_LOST", "rosbridge link is down");
        }
    }

    @Override
    public void cancel(long goal) {
        ros.publish(namespace + "/cancel", new JsonObject().put("id", goalPrefix + goal));
    }

    private void onResult(JsonObject msg) {
        JsonObject status = msg.getJsonObject("status", new JsonObject());
        String id = status.getJsonObject("goal_id", new JsonObject()).getString("id", "");
        Long goal = goalsByRosId.remove(id);
        if (goal == null) return; // someone else's goal
        Listener listener = listeners.remove(goal);
        int code = status.getValue("status") instanceof Number n ? n.intValue() : -1;
        String text = status.getString("text", "");
        switch (code) {
            case 3 -> listener.ended(goal, "SUCCEEDED", null);
            case 2, 8 -> listener.ended(goal, "CANCELED", null);
            default -> listener.ended(goal, "FAILED", "move_base status " + code + (text.isEmpty() ? "" : ": " + text));
        }
    }
}
