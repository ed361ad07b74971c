package dev.provingground.server.events;

import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.vda5050.ConnectionState;

import java.time.Instant;

/** Turns robots' connection changes into {@code robot.link} events. */
public final class LinkEvents implements RobotListener {

    private final EventHub bus;

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
        bus.publish(new TrackEvent(at, robot.site(), robot.firm(), robot.id(), new RobotLink(state, "was " + from)));
    }
}
