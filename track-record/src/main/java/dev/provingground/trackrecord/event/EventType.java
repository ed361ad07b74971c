package dev.provingground.trackrecord.event;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type: its {@code type} string, current schema version {@code v}, body record, and whether the
 * envelope must name a robot. A reader accepts versions up to the current one.
 */
public enum EventType {
    ROBOT_LINK("robot.link", 2, RobotLink.class, RobotField.REQUIRED),
    STATE_SAMPLES("state.samples", 2, StateSamples.class, RobotField.REQUIRED),
    TASK("task", 1, TaskLifecycle.class, RobotField.OPTIONAL),
    GEOFENCE("geofence", 1, GeofenceTransition.class, RobotField.REQUIRED),
    OVERSPEED("overspeed", 2, Overspeed.class, RobotField.REQUIRED),
    ESTOP("estop", 1, EmergencyStop.class, RobotField.REQUIRED),
    INTERVENTION("intervention", 1, Intervention.class, RobotField.REQUIRED),
    INCIDENT("incident", 1, Incident.class, RobotField.OPTIONAL),
    ELEVATOR_RIDE("elevator.ride", 1, ElevatorRide.class, RobotField.REQUIRED),
    UVC_LAMP("uvc.lamp", 1, UvcLamp.class, RobotField.REQUIRED),
    CONFIGURATION_CHANGE("config.change", 1, ConfigurationChange.class, RobotField.OPTIONAL),
    ROBOT_ERROR("robot.error", 1, RobotError.class, RobotField.REQUIRED),
    RECORD_GAP("record.gap", 1, RecordGap.class, RobotField.OPTIONAL),
    POSITION_JUMP("position.jump", 1, PositionJump.class, RobotField.REQUIRED),
    CLOCK_SKEW("clock.skew", 1, ClockSkew.class, RobotField.REQUIRED),
    ELEVATOR_REFUSAL("elevator.refusal", 1, ElevatorRefusal.class, RobotField.REQUIRED);

    /** Whether an event of this type must carry the envelope's {@code robot}. */
    public enum RobotField { REQUIRED, OPTIONAL }

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String typeName;
    private final int version;
    private final Class<? extends EventBody> bodyClass;
    private final RobotField robot;

    EventType(String typeName, int version, Class<? extends EventBody> bodyClass, RobotField robot) {
        this.typeName = typeName;
        this.version = version;
        this.bodyClass = bodyClass;
        this.robot = robot;
    }

    public String typeName() {
        return typeName;
    }

    public int version() {
        return version;
    }

    public Class<? extends EventBody> bodyClass() {
        return bodyClass;
    }

    public boolean robotRequired() {
        return robot == RobotField.REQUIRED;
    }

    public static EventType byName(String name) {
        EventType type = BY_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type '" + name + "'");
        }
        return type;
    }

    static EventType of(EventBody body) {
        for (EventType type : values()) {
            if (type.bodyClass.isInstance(body)) {
                return type;
            }
        }
        throw new IllegalStateException("no event type for " + body.getClass().getName());
    }
}
