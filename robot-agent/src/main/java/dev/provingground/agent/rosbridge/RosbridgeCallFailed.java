package dev.provingground.agent.rosbridge;

/** A service call rosbridge answered with {@code result: false}, or that got no answer in time. */
public final class RosbridgeCallFailed extends RuntimeException {

    public RosbridgeCallFailed(String message) {
        super(message);
    }
}
