package dev.provingground.agent.order;

import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.NodePosition;

import java.util.List;

/** What {@link OrderExecution} asks the I/O around it to do. Positions are in the site level's frame. */
public sealed interface Command {

    /**
     * Drive through {@code poses} in order and stop at the last (one pose: NavigateToPose or move_base; several:
     * NavigateThroughPoses). {@code goal} names the goal in the answers.
     */
    record SendGoal(long goal, List<NodePosition> poses) implements Command {
        public SendGoal {
            poses = List.copyOf(poses);
        }
    }

    /** Cancel goal {@code goal}; its end is reported with {@link OrderExecution#navigationEnded}. */
    record CancelGoal(long goal) implements Command {
    }

    /** Run a node, edge or instant action the robot is configured for; report its end with actionEnded. */
    record StartAction(Action action) implements Command {
    }

    /** Publish the state now (stateRequest). */
    record PublishState() implements Command {
    }

    /** Publish the factsheet now (factsheetRequest). */
    record PublishFactsheet() implements Command {
    }
}
