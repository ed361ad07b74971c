package dev.provingground.server.events;

import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.ConnectionState;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns robots' connection changes into {@code robot.link} events; a robot back after a lost link (one this server
 * saw it lose) says how long the outage lasted.
 */
public final class LinkEvents implements RobotListener {

    private final EventHub bus;
    private final Map<String, Instant> lostAt = new ConcurrentHashMap<>();

    public LinkEvents(EventHub bus) {
        this.bus = bus;
    }

    @Override
    public void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
        RobotLink.State state = switch (to) {
            case ONLINE -> RobotLink.State.CONNECTED;
            case OFFLINE -> RobotLink.State.DISCONNECTED;
            case CONNECTIONBROKEN -> RobotLink.State.LINK_LOST;
        };
        Instant lost = state == RobotLink.State.LINK_LOST ? lostAt.put(robot.id(), at) : lostAt.remove(robot.id());
        Double outage = state == RobotLink.State.CONNECTED && lost != null && !at.isBefore(lost)
                ? Duration.between(lost, at).toMillis() / 1000.0 : null;
        bus.publish(new TrackEvent(at, robot.site(), robot.firm(), robot.id(),
                new RobotLink(state, "was " + from, outage)));
    }
}
