package dev.provingground.agent.rosbridge;

import io.vertx.core.json.JsonObject;

/**
 * What a ROS 2 action goal ended with ({@code action_result}).
 *
 * @param status  {@code action_msgs/GoalStatus}: 4 SUCCEEDED, 5 CANCELED, 6 ABORTED; 0 when the server gave none
 *                (rosbridge sends no status for a goal it could not send or the action server rejected)
 * @param result  rosbridge's success flag
 * @param values  the result message, or {@code {"error": text}} when the server sent a string instead
 */
public record ActionResult(int status, boolean result, JsonObject values) {

    public static final int STATUS_UNKNOWN = 0;
    public static final int STATUS_SUCCEEDED = 4;
    public static final int STATUS_CANCELED = 5;
    public static final int STATUS_ABORTED = 6;

    public boolean succeeded() {
        return result && (status == STATUS_SUCCEEDED || status == STATUS_UNKNOWN);
    }

    public boolean canceled() {
        return status == STATUS_CANCELED;
    }
}
