package dev.provingground.server.mqtt;

import dev.provingground.server.elevator.ElevatorService;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftMessageException;
import dev.provingground.site.lift.LiftState;
import dev.provingground.site.lift.LiftTopic;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Decodes and checks a lift controller's state and hands it to the elevators, on the server's context, in both MQTT
 * modes. A state that is too large, not JSON, not a valid LiftState, names another car than its topic, or names a
 * car no elevator of the site has is refused and counted; it changes nothing, so the car's last good state stays.
 */
public final class LiftStateInbound {

    private final LiftCodec codec = new LiftCodec();
    private final ElevatorService elevators;
    private final RejectionLog rejections;
    private final int maxMessageSize;
    private final Context context;

    /** @param context the server's context, where the elevators are changed */
    public LiftStateInbound(ElevatorService elevators, RejectionLog rejections, int maxMessageSize, Context context) {
        this.elevators = elevators;
        this.rejections = rejections;
        this.maxMessageSize = maxMessageSize;
        this.context = context;
    }

    /**
     * @param topic a state topic
     * @param who   the sender in the rejection log: the controller's login, or the car when it came through a broker
     */
    public void handle(LiftTopic topic, byte[] payload, String who) {
        if (Vertx.currentContext() == context) apply(topic, payload, who);
        else context.runOnContext(v -> apply(topic, payload, who));
    }

    private void apply(LiftTopic topic, byte[] payload, String who) {
        if (payload.length > maxMessageSize) {
            rejections.reject(Rejection.OVERSIZE, who, topic + ": " + payload.length + " bytes > " + maxMessageSize);
            return;
        }
        LiftState state;
        try {
            state = codec.decodeState(payload);
        } catch (LiftMessageException e) {
            // The codec names the whole message as the field when the bytes are not a JSON object at all.
            Rejection reason = e.field().equals("(message)") ? Rejection.MALFORMED_JSON : Rejection.INVALID_MESSAGE;
            rejections.reject(reason, who, topic + ": " + e.getMessage());
            return;
        }
        if (!state.liftName().equals(topic.liftName())) {
            rejections.reject(Rejection.HEADER_MISMATCH, who, topic + ": lift_name is \"" + state.liftName() + "\"");
            return;
        }
        if (!elevators.onLiftState(topic.site(), state))
            rejections.reject(Rejection.UNKNOWN_LIFT, who, topic + ": site " + topic.site() + " has no car \""
                    + state.liftName() + "\"");
    }
}
