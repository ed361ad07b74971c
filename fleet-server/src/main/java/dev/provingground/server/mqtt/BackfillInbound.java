package dev.provingground.server.mqtt;

import dev.provingground.server.registry.Robot;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.StateBackfill;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Vda5050DecodeException;

import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * A robot's {@code stateBackfill} messages (docs/ROBOT-AGENT.md): state it kept while its link was down. Each is a
 * VDA 5050 state, decoded and checked like a live one, then handed to the track record as a late sample — never to
 * the registry, so the robot's live state does not move backwards. Refusals are counted like any other.
 */
public final class BackfillInbound {

    /** A late state and when it arrived. */
    public interface Sink {
        void lateState(Robot robot, State state, Instant arrival);
    }

    private final Vda5050Codec codec;
    private final Sink sink;
    private final RejectionLog rejections;
    private final int maxMessageSize;
    private long accepted;

    public BackfillInbound(Vda5050Codec codec, Sink sink, RejectionLog rejections, int maxMessageSize) {
        this.codec = codec;
        this.sink = sink;
        this.rejections = rejections;
        this.maxMessageSize = maxMessageSize;
    }

    /** True when {@code topicName} is a backfill topic, whoever it belongs to. */
    public static boolean isBackfill(String topicName) {
        return StateBackfill.robotOf(topicName).isPresent();
    }

    /** Takes one backfill message of {@code robot} (the authenticated one, or the one its topic names). */
    public boolean handle(Robot robot, String topicName, byte[] payload, Instant arrival) {
        String[] owner = StateBackfill.robotOf(topicName).orElse(null);
        if (owner == null || !owner[0].equals(robot.manufacturer()) || !owner[1].equals(robot.serialNumber())) {
            rejections.rejectRobot(Rejection.TOPIC_NOT_ALLOWED, robot.id(), topicName, "topic " + topicName);
            return false;
        }
        if (payload.length > maxMessageSize) {
            rejections.rejectRobot(Rejection.OVERSIZE, robot.id(), topicName, topicName + ": " + payload.length + " bytes > " + maxMessageSize);
            return false;
        }
        State state;
        try {
            state = codec.decode(State.class, payload);
        } catch (Vda5050DecodeException e) {
            rejections.rejectUndecodable(robot.id(), topicName, e);
            return false;
        }
        if (!robot.manufacturer().equals(state.manufacturer()) || !robot.serialNumber().equals(state.serialNumber())) {
            rejections.rejectRobot(Rejection.HEADER_MISMATCH, robot.id(), topicName, topicName + ": message says "
                    + state.manufacturer() + "/" + state.serialNumber());
            return false;
        }
        sink.lateState(robot, state, arrival);
        accepted++;
        return true;
    }

    public long accepted() {
        return accepted;
    }
}
