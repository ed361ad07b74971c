package dev.provingground.bench.server;

import dev.provingground.server.elevator.LiftLink;
import dev.provingground.server.mqtt.InboundMessage;
import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.registry.Robot;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import dev.provingground.server.wiring.Links;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.LongAdder;

/**
 * Robots reaching the server without sockets: a message is handed to the robot's lane and through the server's own
 * pipeline exactly as the MQTT endpoint hands it, but no network, MQTT framing or load generator takes a share of the
 * machine. With one lane the message is first handed to the server's own context, where the endpoint would have read
 * it. What the server sends back (pauses) is counted and dropped.
 */
final class DirectRobotLink implements Links {

    private final LongAdder sentToRobots = new LongAdder();
    private RobotSide side;
    /** The server's context, where the link was started. */
    private volatile Context home;

    @Override
    public RobotTransport robots(RobotSide s) {
        side = s;
        return new RobotTransport() {
            @Override
            public Future<Void> publish(Robot robot, Topic topic, byte[] payload) {
                sentToRobots.increment();
                return Future.succeededFuture();
            }

            @Override
            public Future<Void> start() {
                home = Vertx.currentContext();
                return Future.succeededFuture();
            }

            @Override
            public Future<Void> stop() {
                return Future.succeededFuture();
            }

            @Override
            public int port() {
                return 0;
            }
        };
    }

    @Override
    public LiftLink lifts(RobotTransport robots, LiftSide s) {
        return LiftLink.NONE;
    }

    /** The robot publishes {@code payload} on its state topic; {@code done} runs on its lane once it was handled. */
    void state(Robot robot, byte[] payload, Runnable done) {
        InboundMessage msg = new InboundMessage(TopicAddress.of(robot.manufacturer(), robot.serialNumber(), Topic.STATE),
                payload, robot, side.clock().instant(), false);
        Runnable handOver = () -> side.lanes().run(robot.id(), () -> {
            try {
                side.pipeline().handle(msg);
            } finally {
                done.run();
            }
        });
        if (side.lanes().contexts().isEmpty()) home.runOnContext(v -> handOver.run());
        else handOver.run();
    }

    long sentToRobots() {
        return sentToRobots.sum();
    }
}
