package dev.provingground.agent.rosbridge;

import io.vertx.core.Future;

/**
 * A goal sent to a ROS 2 action server through rosbridge. {@link #result()} completes with the
 * {@code action_result}, or fails with {@link RosbridgeLinkLost} when the link drops first.
 *
 * @param id     the rosbridge id of the goal (also what {@code cancel_action_goal} names)
 * @param action the action server's name
 */
public record ActionGoal(String id, String action, Future<ActionResult> result) {
}
