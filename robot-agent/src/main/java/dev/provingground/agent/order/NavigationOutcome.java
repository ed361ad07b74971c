package dev.provingground.agent.order;

/** How a navigation goal ended. */
public enum NavigationOutcome {
    /** The robot stands at the goal's last pose. */
    SUCCEEDED,
    /** The goal was canceled (by the agent, to pause or cancel, or by someone on the robot). */
    CANCELED,
    /** The robot refused the goal or gave up on it (rejected, aborted, no path). */
    FAILED,
    /** The rosbridge link dropped before the goal ended: its fate on the robot is unknown. */
    LINK_LOST
}
