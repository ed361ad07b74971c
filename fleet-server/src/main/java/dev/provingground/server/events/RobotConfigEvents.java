package dev.provingground.server.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.OutdoorSpeedClass;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.registry.DispatchMode;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.trackrecord.context.RobotRegistration;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.TrackEvent;

import java.time.Instant;

/**
 * Turns changes to a robot's configuration into {@code config.change} events in its firm's log, with who made them:
 * a certifier reading the record sees the robot's identity and model as registered (the bundle's identity section is
 * derived from these events), when its credentials were rotated, and when it took orders from the server and when
 * from its vendor.
 */
public final class RobotConfigEvents implements RobotListener {

    private final EventHub bus;
    private final ProfileCatalog profiles;

    public RobotConfigEvents(EventHub bus, ProfileCatalog profiles) {
        this.bus = bus;
        this.profiles = profiles;
    }

    @Override
    public void registered(Robot robot, String actor, Instant at) {
        ObjectNode details = registration(robot, profiles.require(robot.profile())).toDetails()
                .put("dispatch", robot.dispatch().name());
        publish(robot, at, new ConfigurationChange(actor, ConfigurationChange.Target.ROBOT, robot.id(),
                ConfigurationChange.Action.CREATE, details));
    }

    /** What a bundle shows of a robot: its address, and the model figures a certifier judges it by. */
    static RobotRegistration registration(Robot robot, HardwareProfile profile) {
        var speedClass = profile.outdoorSpeedClass();
        return new RobotRegistration(robot.manufacturer(), robot.serialNumber(), profile.id(), profile.name(),
                profile.service().kind().name(), profile.service().environment().name(), profile.massWithPayloadKg(),
                speedClass.map(Enum::name).orElse(null), speedClass.map(OutdoorSpeedClass::speedLimitKmh).orElse(null),
                profile.speedCapMps(), profile.service().uvcIrradianceAt1mMicroWattPerCm2() != null);
    }

    @Override
    public void credentialsRotated(Robot robot, String actor, Instant at) {
        // Only which credential changed: never the secret or its hash.
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("change", RobotRegistration.CREDENTIALS_ROTATED)
                .put("kind", "robot-mqtt");
        publish(robot, at, new ConfigurationChange(actor, ConfigurationChange.Target.CREDENTIAL, robot.id(),
                ConfigurationChange.Action.UPDATE, details));
    }

    @Override
    public void dispatchChanged(Robot robot, DispatchMode from, String actor, Instant at) {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("dispatch", robot.dispatch().name())
                .put("previousDispatch", from.name());
        publish(robot, at, new ConfigurationChange(actor, ConfigurationChange.Target.ROBOT, robot.id(),
                ConfigurationChange.Action.UPDATE, details));
    }

    private void publish(Robot robot, Instant at, ConfigurationChange change) {
        bus.publish(new TrackEvent(at, robot.site(), robot.firm(), robot.id(), change));
    }
}
