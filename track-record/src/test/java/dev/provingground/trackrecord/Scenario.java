package dev.provingground.trackrecord;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.trackrecord.context.RobotRegistration;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.ElevatorRide;
import dev.provingground.trackrecord.event.EmergencyStop;
import dev.provingground.trackrecord.event.EventBody;
import dev.provingground.trackrecord.event.GeofenceTransition;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.Overspeed;
import dev.provingground.trackrecord.event.RobotError;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.StateSamples.AreaClass;
import dev.provingground.trackrecord.event.StateSamples.OperatingMode;
import dev.provingground.trackrecord.event.StateSamples.Sample;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.event.UvcLamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A morning of firm {@code acme} at {@code site-a} with robots r1 and r2, using every event type, with hand-worked
 * KPIs (see KpisTest): 105 m driven in 60 s of joined samples, 2 interventions taking 36 s.
 */
public final class Scenario {

    public static final String SITE = "site-a";
    public static final String FIRM = "acme";
    public static final Instant START = Instant.parse("2026-05-01T09:00:00Z");

    private Scenario() {
    }

    public static Instant at(int seconds) {
        return START.plusSeconds(seconds);
    }

    private static TrackEvent robot(int seconds, String robot, EventBody body) {
        return new TrackEvent(at(seconds), SITE, FIRM, robot, body);
    }

    private static Sample sample(int seconds, String map, double x, double y, OperatingMode mode, AreaClass area) {
        return new Sample(at(seconds), map, x, y, 1.0, mode, area, 80.0);
    }

    /** The site-wide rule change that opens the morning; goes to the site log and every firm log. */
    public static TrackEvent ruleChange() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("maxSpeed", 1.5);
        details.putObject("geometry").put("type", "Polygon");
        return new TrackEvent(at(-60), SITE, null, null,
                new ConfigurationChange("operator-kim", ConfigurationChange.Target.RULE, "speed-limit-lobby",
                        ConfigurationChange.Action.UPDATE, details));
    }

    /** Robot r1: an outdoor delivery robot of the 15 km/h class. */
    public static final RobotRegistration R1 = new RobotRegistration("Acme Robotics", "SN-0001", "sidewalk-delivery",
            "Sidewalk Delivery", "DELIVERY", "OUTDOOR", 34.0, "UP_TO_100_KG", 15.0, 1.667, false);
    /** Robot r2: an indoor disinfection robot with a UV-C lamp. */
    public static final RobotRegistration R2 = new RobotRegistration("Acme Robotics", "SN-0002", "uvc-disinfection",
            "UV-C Disinfection", "DISINFECTION", "INDOOR", 120.0, null, null, 1.0, true);

    /** The site's definition, as the server records a site change: time zone and levels. */
    public static TrackEvent siteDefinition(Instant time) {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("change", "CREATED").put("version", 1);
        ObjectNode definition = details.putObject("definition").put("id", SITE).put("timeZone", "Asia/Seoul");
        definition.putArray("levels").add(JsonNodeFactory.instance.objectNode().put("id", "L1"))
                .add(JsonNodeFactory.instance.objectNode().put("id", "L2"));
        return new TrackEvent(time, SITE, FIRM, null, new ConfigurationChange("operator-kim",
                ConfigurationChange.Target.SITE, SITE, ConfigurationChange.Action.CREATE, details));
    }

    /** A robot's registration as the server records it. */
    public static TrackEvent registration(Instant time, String robot, RobotRegistration registration) {
        return new TrackEvent(time, SITE, FIRM, robot, new ConfigurationChange("operator-kim",
                ConfigurationChange.Target.ROBOT, robot, ConfigurationChange.Action.CREATE, registration.toDetails()));
    }

    /** A robot's credential rotation as the server records it. */
    public static TrackEvent credentialRotation(Instant time, String robot) {
        return new TrackEvent(time, SITE, FIRM, robot, new ConfigurationChange("operator-kim",
                ConfigurationChange.Target.CREDENTIAL, robot, ConfigurationChange.Action.UPDATE,
                JsonNodeFactory.instance.objectNode().put("change", RobotRegistration.CREDENTIALS_ROTATED)));
    }

    /** Site definition, both robots' registrations and a rotation of r1's credentials, from {@code time} on. */
    public static List<TrackEvent> identity(Instant time) {
        return List.of(siteDefinition(time), registration(time.plusSeconds(10), "r1", R1),
                registration(time.plusSeconds(20), "r2", R2), credentialRotation(time.plusSeconds(30), "r1"));
    }

    /** The firm log's events, in log order, the rule change first. */
    public static List<TrackEvent> acmeMorning() {
        List<TrackEvent> events = new ArrayList<>();
        events.add(ruleChange());
        events.add(robot(0, "r1", new RobotLink(RobotLink.State.CONNECTED, "VDA 5050 2.1.0")));
        events.add(robot(0, "r1", new StateSamples(List.of(
                sample(0, "L1", 0, 0, OperatingMode.AUTOMATIC, AreaClass.INDOOR),
                sample(10, "L1", 10, 0, OperatingMode.AUTOMATIC, AreaClass.INDOOR),
                sample(20, "L1", 10, 10, OperatingMode.AUTOMATIC, AreaClass.SIDEWALK)))));
        events.add(robot(5, "r1", new TaskLifecycle("t1", TaskLifecycle.Phase.STARTED, "delivery", null)));
        events.add(robot(30, "r1", new StateSamples(List.of(
                sample(30, "L1", 10, 20, OperatingMode.MANUAL, AreaClass.CROSSWALK),
                sample(40, "L1", 13, 24, OperatingMode.MANUAL, AreaClass.CROSSWALK),
                sample(200, "L1", 0, 0, OperatingMode.AUTOMATIC, AreaClass.INDOOR),
                sample(210, "L2", 0, 0, OperatingMode.AUTOMATIC, AreaClass.ELEVATOR),
                sample(220, "L2", 0, 30, OperatingMode.AUTOMATIC, AreaClass.ELEVATOR)))));
        events.add(robot(41, "r1", new GeofenceTransition("lobby", null, GeofenceTransition.Transition.ENTER, null, null)));
        events.add(robot(42, "r1", new GeofenceTransition("garden", "keep-out", GeofenceTransition.Transition.VIOLATION, 4.0, 0.8)));
        events.add(robot(43, "r1", new Overspeed("lobby", 1.5, 2.1, 3.5)));
        events.add(robot(44, "r1", new EmergencyStop(EmergencyStop.Phase.TRIGGERED, EmergencyStop.Source.ROBOT_BUTTON, null)));
        events.add(robot(45, "r1", new EmergencyStop(EmergencyStop.Phase.RECOVERED, EmergencyStop.Source.ROBOT_BUTTON, null)));
        events.add(robot(46, "r1", new RobotError(RobotError.Phase.RAISED, "rosDiagnostic", RobotError.Level.FATAL,
                "lidar: no scans", List.of(new RobotError.Reference("diagnosticName", "lidar")), null, null)));
        events.add(robot(48, "r1", new RobotError(RobotError.Phase.CLEARED, "rosDiagnostic", RobotError.Level.FATAL,
                "lidar: no scans", List.of(new RobotError.Reference("diagnosticName", "lidar")), 2.0, 0)));
        events.add(robot(50, "r1", new Intervention(Intervention.Kind.REMOTE_ASSIST, "blocked corridor", 30)));
        events.add(robot(55, "r1", new TaskLifecycle("t1", TaskLifecycle.Phase.COMPLETED, "delivery", null)));
        events.add(robot(56, "r1", new TaskLifecycle("t2", TaskLifecycle.Phase.STARTED, "delivery", null)));
        events.add(robot(57, "r1", new ElevatorRide("car-1", "1", "3", 20, 40, false, ElevatorRide.CarMode.AGV,
                ElevatorRide.Outcome.COMPLETED, null)));
        events.add(robot(58, "r1", new ElevatorRide("car-2", "3", "1", 35, 12, true, ElevatorRide.CarMode.HUMAN,
                ElevatorRide.Outcome.FAILED, "doors closed on the robot")));
        events.add(robot(59, "r1", new TaskLifecycle("t2", TaskLifecycle.Phase.FAILED, "delivery", "elevator failed")));
        events.add(robot(59, "r1", new Incident(Incident.Severity.MINOR, "brushed a chair", "staff-lee")));
        events.add(robot(60, "r2", new StateSamples(List.of(
                sample(60, "L1", 100, 100, OperatingMode.AUTOMATIC, AreaClass.OTHER),
                sample(70, "L1", 100, 140, OperatingMode.AUTOMATIC, AreaClass.OTHER)))));
        events.add(robot(61, "r2", new TaskLifecycle("t3", TaskLifecycle.Phase.STARTED, "disinfection", null)));
        events.add(robot(62, "r2", new UvcLamp(UvcLamp.Phase.ON, UvcLamp.Cause.OPERATOR, null, null)));
        events.add(robot(662, "r2", new UvcLamp(UvcLamp.Phase.OFF, UvcLamp.Cause.OPERATOR, 600.0, 120.5)));
        events.add(robot(663, "r2", new UvcLamp(UvcLamp.Phase.ON, UvcLamp.Cause.SCHEDULE, null, null)));
        events.add(robot(693, "r2", new UvcLamp(UvcLamp.Phase.OFF, UvcLamp.Cause.INTERLOCK, 30.0, 4.0)));
        events.add(robot(694, "r2", new GeofenceTransition("corridor", "max-robots", GeofenceTransition.Transition.VIOLATION, null, 1.0)));
        events.add(robot(695, "r2", new EmergencyStop(EmergencyStop.Phase.TRIGGERED, EmergencyStop.Source.SERVER, "keep-out")));
        events.add(robot(700, "r2", new Intervention(Intervention.Kind.ON_SITE, "lamp stuck", 6)));
        events.add(robot(710, "r2", new TaskLifecycle("t3", TaskLifecycle.Phase.COMPLETED, "disinfection", null)));
        events.add(robot(720, "r1", new TaskLifecycle("t4", TaskLifecycle.Phase.STARTED, "serving", null)));
        events.add(robot(721, "r1", new TaskLifecycle("t4", TaskLifecycle.Phase.CANCELLED, "serving", "guest left")));
        events.add(new TrackEvent(at(730), SITE, FIRM, null, new Incident(Incident.Severity.MODERATE,
                "complaint about noise", "front-desk")));
        events.add(robot(740, "r1", new RobotLink(RobotLink.State.LINK_LOST, "keep-alive timeout")));
        return events;
    }
}
