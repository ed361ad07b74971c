package dev.provingground.agent.rosbridge;

/** The WebSocket to rosbridge closed while a service call or action goal was waiting for its answer. */
public final class RosbridgeLinkLost extends RuntimeException {

    public RosbridgeLinkLost(String what) {
        super(what + ": the rosbridge link dropped before the answer came");
    }
}
