package dev.provingground.server.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.TrackEvent;

import java.time.Instant;

/**
 * Turns changes to a robot's configuration into {@code config.change} events in its firm's log, with who made them:
 * a certifier reading the record sees when the robot took orders from the server and when from its vendor.
 */
public final class RobotConfigEvents implements RobotListener {

    private final EventHub bus;

    public RobotConfigEvents(EventHub bus) {
        this.bus = bus;
    }

    @Override
    public void dispatchChanged(Robot robot, DispatchMode from, String actor, Instant at) {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("dispatch", robot.dispatch().name())
                .put("previousDispatch", from.name());
        bus.publish(new TrackEvent(at, robot.site(), robot.firm(), robot.id(), new ConfigurationChange(actor,
                ConfigurationChange.Target.ROBOT, robot.id(), ConfigurationChange.Action.UPDATE, details)));
    }
}
