package dev.provingground.agent.ros;

import java.util.List;

/** Sends navigation goals to the robot's navigation stack and reports how they go. */
public interface Navigator {

    /** What a navigator tells about its goals. */
    interface Listener {
        void progress(long goal, int posesRemaining);

        /** @param outcome SUCCEEDED, CANCELED, FAILED or LINK_LOST (as {@code NavigationOutcome} names) */
        void ended(long goal, String outcome, String detail);
    }

    /** Drive through {@code poses} (ROS map frame) and stop at the last. */
    void send(long goal, List<RosPose> poses, Listener listener);

    void cancel(long goal);
}
