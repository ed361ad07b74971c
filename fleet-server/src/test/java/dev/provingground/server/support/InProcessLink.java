package dev.provingground.server.support;

import dev.provingground.server.elevator.LiftCredentials;
import dev.provingground.server.elevator.LiftLink;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.mqtt.InboundMessage;
import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotStatus;
import dev.provingground.server.wiring.Links;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftMessageException;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftTopic;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import io.vertx.core.Future;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Robots and lift controllers reaching the server in the same process, without sockets, for tests in virtual time.
 * Only the carriage differs from MQTT: robots log in with their MQTT credentials through the registry, their bytes go
 * through the server's {@code InboundPipeline} (decode, validation, registry, enforcement, tasks), a dropped link acts
 * on the robot's last will as the embedded endpoint does; controllers log in with their car logins and their states go
 * through {@code LiftStateInbound}.
 *
 * <p>Everything runs on the server's context. What the server sends is queued and handed over by {@link #deliver()},
 * which the simulation calls at fixed points of each step, so no message overtakes another and no server handler is
 * re-entered from inside another.
 */
public final class InProcessLink implements Links {

    private final Deque<Runnable> toSims = new ArrayDeque<>();
    private Robots robots;
    private Lifts lifts;

    @Override
    public RobotTransport robots(RobotSide side) {
        robots = new Robots(side);
        return robots;
    }

    @Override
    public LiftLink lifts(RobotTransport transport, LiftSide side) {
        lifts = new Lifts(side);
        return lifts;
    }

    public Robots robots() {
        return robots;
    }

    public Lifts lifts() {
        return lifts;
    }

    /** Hands over what the server sent, and whatever that sets off, in order, until nothing is left. */
    public int deliver() {
        int delivered = 0;
        for (Runnable next; (next = toSims.poll()) != null; ) {
            next.run();
            if (++delivered > 1_000_000) throw new IllegalStateException("messages keep coming: a loop between server and sims?");
        }
        return delivered;
    }

    /** The robots' side: the server's {@link RobotTransport} and the door robots come in by. */
    public final class Robots implements RobotTransport {

        private final RobotSide side;
        private final Map<String, Consumer<Message>> connected = new LinkedHashMap<>();

        Robots(RobotSide side) {
            this.side = side;
        }

        /** A message from the server to a robot. */
        public record Message(Topic topic, byte[] payload) {
        }

        /** Logs a robot in with its MQTT credentials; empty when the registry refuses them. */
        public Optional<Robot> connect(String username, String password, Consumer<Message> inbox) {
            Optional<Robot> robot = side.registry().authenticateMqtt(username, password);
            robot.ifPresent(r -> connected.put(r.id(), inbox));
            return robot;
        }

        /** A robot publishes on one of its own robot-to-server topics. */
        public void fromRobot(Robot robot, Topic topic, byte[] payload) {
            if (!connected.containsKey(robot.id())) return;
            TopicAddress address = TopicAddress.of(robot.manufacturer(), robot.serialNumber(), topic);
            side.pipeline().handle(new InboundMessage(address, payload, robot, side.clock().instant(), false));
        }

        /** A clean DISCONNECT: a robot that did not say OFFLINE first is marked so, as the embedded endpoint does. */
        public void disconnect(Robot robot) {
            if (connected.remove(robot.id()) == null) return;
            RobotStatus before = side.registry().status(robot.id());
            if (before != null && before.connection() == ConnectionState.ONLINE)
                side.registry().applyConnection(robot.id(), ConnectionState.OFFLINE, side.clock().instant());
        }

        /** The link drops without DISCONNECT: the robot's last will is acted on, then it is CONNECTIONBROKEN. */
        public void drop(Robot robot, byte[] will) {
            if (connected.remove(robot.id()) == null) return;
            TopicAddress address = TopicAddress.of(robot.manufacturer(), robot.serialNumber(), Topic.CONNECTION);
            side.pipeline().handle(new InboundMessage(address, will, robot, side.clock().instant(), true));
            RobotStatus status = side.registry().status(robot.id());
            if (status != null && status.connection() == ConnectionState.ONLINE)
                side.registry().applyConnection(robot.id(), ConnectionState.CONNECTIONBROKEN, side.clock().instant());
        }

        public boolean isConnected(String robotId) {
            return connected.containsKey(robotId);
        }

        @Override
        public Future<Void> start() {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> publish(Robot robot, Topic topic, byte[] payload) {
            Consumer<Message> inbox = connected.get(robot.id());
            if (inbox == null)
                return Future.failedFuture(new ConflictException("robot " + robot.id() + " is not connected"));
            byte[] copy = payload.clone();
            toSims.add(() -> inbox.accept(new Message(topic, copy)));
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> stop() {
            // As the embedded endpoint: robots see a normal end of the server and are OFFLINE once gone.
            for (String id : connected.keySet())
                side.registry().applyConnection(id, ConnectionState.OFFLINE, side.clock().instant());
            connected.clear();
            return Future.succeededFuture();
        }

        @Override
        public int port() {
            return 0;
        }
    }

    /** The lift controllers' side: the server's {@link LiftLink} and the door controllers come in by. */
    public final class Lifts implements LiftLink {

        private final LiftSide side;
        private final LiftCodec codec = new LiftCodec();
        private final Map<String, Consumer<LiftRequest>> connected = new LinkedHashMap<>();

        Lifts(LiftSide side) {
            this.side = side;
        }

        /** Logs a controller in with its car's login ({@code lift:{site}:{car}}); false when refused. */
        public boolean connect(String username, String password, Consumer<LiftRequest> inbox) {
            if (side.credentials().authenticate(username, password).isEmpty()) return false;
            connected.put(username, inbox);
            return true;
        }

        /** The controller publishes its car's state. */
        public void publishState(String site, String car, byte[] state) {
            String username = LiftCredentials.username(site, car);
            if (!connected.containsKey(username)) return;
            side.states().handle(LiftTopic.state(site, car), state, username);
        }

        /** A clean DISCONNECT: no will is applied. */
        public void disconnect(String site, String car) {
            connected.remove(LiftCredentials.username(site, car));
        }

        /** The link drops: the controller's last will (an OFFLINE state) is applied. */
        public void drop(String site, String car, byte[] will) {
            String username = LiftCredentials.username(site, car);
            if (connected.remove(username) == null) return;
            side.states().handle(LiftTopic.state(site, car), will, username + " (last will)");
        }

        @Override
        public Future<Void> send(String site, LiftRequest request) {
            Consumer<LiftRequest> inbox = connected.get(LiftCredentials.username(site, request.liftName()));
            if (inbox == null)
                return Future.failedFuture(new ConflictException("no controller of car " + request.liftName()
                        + " at site " + site + " is connected"));
            byte[] payload;
            try {
                payload = codec.encode(request);
            } catch (LiftMessageException e) {
                return Future.failedFuture(e);
            }
            // The controller reads the bytes as it would from its request topic.
            toSims.add(() -> inbox.accept(codec.decodeRequest(payload)));
            return Future.succeededFuture();
        }
    }
}
