package dev.provingground.server.orders;

import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.registry.Robot;
import dev.provingground.vda5050.Header;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.VdaMessage;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sends VDA 5050 orders and instant actions: stamps each with the robot's next per-topic headerId, encodes it
 * strictly (schema-checked, then in the 2.0.0 form for robots that speak 2.0.0) and publishes it over whichever link robots use. The one path every order takes —
 * from the REST API now, from the dispatcher and enforcement later.
 */
public final class OrderSender {

    private final Vda5050Codec codec;
    private final RobotTransport link;
    private final Clock clock;
    private final Map<String, HeaderCounter> counters = new ConcurrentHashMap<>();

    private final Function<String, String> protocolVersion;
    private final HeaderIdReservations reservations;

    /**
     * @param protocolVersion the VDA 5050 version a robot speaks, by robot id (null = 2.1.0)
     * @param reservations    where headerIds continue from after a restart
     */
    public OrderSender(Vda5050Codec codec, RobotTransport link, Clock clock, Function<String, String> protocolVersion,
                       HeaderIdReservations reservations) {
        this.codec = codec;
        this.link = link;
        this.clock = clock;
        this.protocolVersion = protocolVersion;
        this.reservations = reservations;
    }

    /** @return the order as sent, with its header */
    public Future<Order> send(Robot robot, Order order) {
        return publish(robot, order.withHeader(next(robot, Topic.ORDER)));
    }

    public Future<InstantActions> send(Robot robot, InstantActions actions) {
        return publish(robot, actions.withHeader(next(robot, Topic.INSTANT_ACTIONS)));
    }

    private Header next(Robot robot, Topic topic) {
        Header header = counter(robot).next(topic);
        reservations.sent(robot.id(), topic, header.headerId());
        return header;
    }

    private <T extends VdaMessage> Future<T> publish(Robot robot, T stamped) {
        byte[] payload;
        try {
            payload = codec.encodeFor(stamped, protocolVersion.apply(robot.id()));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return link.publish(robot, stamped.topic(), payload).map(v -> stamped);
    }

    private HeaderCounter counter(Robot robot) {
        return counters.computeIfAbsent(robot.id(), id -> {
            HeaderCounter counter = new HeaderCounter(robot.manufacturer(), robot.serialNumber(), clock);
            reservations.seed(id, counter);
            return counter;
        });
    }
}
