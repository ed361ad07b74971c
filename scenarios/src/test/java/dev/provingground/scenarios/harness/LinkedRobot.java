package dev.provingground.scenarios.harness;

import dev.provingground.server.support.InProcessLink;
import dev.provingground.server.registry.Robot;
import dev.provingground.sim.robot.SimRobot;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.vda5050.Connection;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.VdaMessage;

import java.time.Clock;

/**
 * A simulated robot on the in-process link, speaking VDA 5050 as {@code SimRobotClient} does over MQTT: ONLINE after
 * login, its state periodically and on events, orders and instant actions obeyed, the factsheet on request, OFFLINE
 * before a clean stop and CONNECTIONBROKEN as its last will. Touched only on the server's context.
 */
public final class LinkedRobot {

    private final SimRobot robot;
    private final SimRobotSpec spec;
    private final Vda5050Codec codec;
    private final HeaderCounter headers;
    private InProcessLink.Robots link;
    private Robot identity;

    LinkedRobot(SimRobot robot, SimRobotSpec spec, Vda5050Codec codec, Clock clock) {
        this.robot = robot;
        this.spec = spec;
        this.codec = codec;
        this.headers = new HeaderCounter(spec.manufacturer(), spec.serialNumber(), clock);
    }

    public SimRobot robot() {
        return robot;
    }

    public String serialNumber() {
        return spec.serialNumber();
    }

    public SimRobotSpec spec() {
        return spec;
    }

    /** The robot's id at the server, once it has logged in. */
    public String id() {
        return identity == null ? null : identity.id();
    }

    public boolean isConnected() {
        return link != null && identity != null && link.isConnected(identity.id());
    }

    /** Logs in, announces ONLINE and reports the state, as after every (re)connect over MQTT. */
    void connect(InProcessLink.Robots robots) {
        connect(robots, spec.password());
    }

    /** As {@link #connect(InProcessLink.Robots)}, with another password (a server that issued its own). */
    void connect(InProcessLink.Robots robots, String password) {
        this.link = robots;
        this.identity = robots.connect(spec.username(), password, this::receive)
                .orElseThrow(() -> new IllegalStateException(spec.serialNumber() + ": login refused"));
        publish(Connection.create(ConnectionState.ONLINE));
        publish(robot.state());
    }

    /** One step of the simulation: moves, then reports if something happened or the periodic report is due. */
    void step(double seconds, boolean periodicReport) {
        robot.advance(seconds);
        if (robot.takeReportDue() || periodicReport) publish(robot.state());
    }

    private void receive(InProcessLink.Robots.Message message) {
        if (message.topic() == Topic.ORDER) {
            robot.accept(codec.decode(Order.class, message.payload()));
        } else if (message.topic() == Topic.INSTANT_ACTIONS) {
            InstantActions actions = codec.decode(InstantActions.class, message.payload());
            robot.instantActions(actions);
            if (actions.actions().stream().anyMatch(a -> a.actionType().equals("factsheetRequest")))
                publish(robot.profile().factsheet());
        }
    }

    private void publish(VdaMessage message) {
        if (!isConnected()) return;
        VdaMessage stamped = message.withHeader(headers.next(message.topic()));
        link.fromRobot(identity, message.topic(), codec.encode(stamped));
    }

    /** Clean stop: OFFLINE, then DISCONNECT, so the server does not act on the will. */
    public void disconnect() {
        if (!isConnected()) return;
        publish(Connection.create(ConnectionState.OFFLINE));
        link.disconnect(identity);
    }

    /** The link breaks (radio gone, firmware crash): the server gets the CONNECTIONBROKEN will. */
    public void dropLink() {
        if (!isConnected()) return;
        Connection will = Connection.create(ConnectionState.CONNECTIONBROKEN).withHeader(headers.next(Topic.CONNECTION));
        link.drop(identity, codec.encode(will));
    }
}
