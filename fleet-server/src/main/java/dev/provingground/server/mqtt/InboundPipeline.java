package dev.provingground.server.mqtt;

import dev.provingground.server.metrics.Latency;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.vda5050.Connection;
import dev.provingground.vda5050.Factsheet;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Vda5050DecodeException;
import dev.provingground.vda5050.VdaMessage;
import dev.provingground.vda5050.Visualization;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.Optional;

/**
 * Decodes and checks a robot's message, then hands it to the registry. Anything wrong is refused with its reason
 * and counted; a refused message changes nothing, so the robot's last good state stays.
 */
public final class InboundPipeline {

    private final Vda5050Codec codec;
    private final RobotRegistry registry;
    private final RejectionLog rejections;
    private final int maxMessageSize;
    private final Map<String, Factsheet> factsheets = new ConcurrentHashMap<>();
    private Latency handling = Latency.NONE;
    private final LongAdder statesHandled = new LongAdder();

    public InboundPipeline(Vda5050Codec codec, RobotRegistry registry, RejectionLog rejections, int maxMessageSize) {
        this.codec = codec;
        this.registry = registry;
        this.rejections = rejections;
        this.maxMessageSize = maxMessageSize;
    }

    /** From now on the time from a message's arrival to handled (accepted or refused) goes to {@code handling}. */
    public void measuredBy(Latency handling) {
        this.handling = handling;
    }

    /** @return true if the message was accepted */
    public boolean handle(InboundMessage msg) {
        long started = System.nanoTime();
        try {
            return accept(msg);
        } finally {
            handling.record(System.nanoTime() - started);
        }
    }

    private boolean accept(InboundMessage msg) {
        String robotId = msg.robot().id();
        if (msg.payload().length > maxMessageSize) {
            rejections.rejectRobot(Rejection.OVERSIZE, robotId, msg.address().toString(),
                    msg.address() + ": " + msg.payload().length + " bytes > " + maxMessageSize);
            return false;
        }
        VdaMessage decoded;
        try {
            decoded = codec.decode(msg.address().topic(), msg.payload());
        } catch (Vda5050DecodeException e) {
            rejections.rejectUndecodable(robotId, msg.address().toString(), e);
            return false;
        }
        if (!msg.address().manufacturer().equals(decoded.manufacturer())
                || !msg.address().serialNumber().equals(decoded.serialNumber())) {
            rejections.rejectRobot(Rejection.HEADER_MISMATCH, robotId, msg.address().toString(),
                    msg.address() + ": message says "
                    + decoded.manufacturer() + "/" + decoded.serialNumber());
            return false;
        }
        registry.noteProtocolVersion(robotId, decoded.version());
        if (decoded instanceof State s) {
            // The registry tells its listeners at once: when this returns the state has been evaluated against the
            // zones, enforced and sampled for the track record.
            registry.applyState(robotId, s, msg.receivedAt());
            statesHandled.increment();
        } else if (decoded instanceof Connection c) registry.applyConnection(robotId, c.connectionState(), msg.receivedAt());
        else if (decoded instanceof Visualization v) registry.applyVisualization(robotId, v, msg.receivedAt());
        else if (decoded instanceof Factsheet f) factsheets.put(robotId, f);
        else {
            rejections.rejectRobot(Rejection.TOPIC_NOT_ALLOWED, robotId, msg.address().toString(),
                    msg.address() + ": robots do not publish this topic");
            return false;
        }
        return true;
    }

    /** Robot states accepted and handled to the end (decoded, evaluated against the zones, sampled) since start. */
    public long statesHandled() {
        return statesHandled.sum();
    }

    /** The factsheet the robot last published, if any. */
    public Optional<Factsheet> factsheet(String robotId) {
        return Optional.ofNullable(factsheets.get(robotId));
    }
}
