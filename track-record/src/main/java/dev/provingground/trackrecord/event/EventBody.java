package dev.provingground.trackrecord.event;

/** The typed part of a {@link TrackEvent}; one record per event type, see docs/EVENTS.md. */
public sealed interface EventBody permits RobotLink, StateSamples, TaskLifecycle, GeofenceTransition, Overspeed,
        EmergencyStop, Intervention, Incident, ElevatorRide, UvcLamp, ConfigurationChange, RobotError, RecordGap,
        PositionJump, ClockSkew, ElevatorRefusal {

    default EventType type() {
        return EventType.of(this);
    }
}
