package dev.provingground.server.enforcement;

import dev.provingground.geofence.evaluation.GeofenceEvent;
import dev.provingground.geofence.evaluation.Violation;
import dev.provingground.geofence.evaluation.ViolationEnded;
import dev.provingground.geofence.evaluation.ViolationRule;
import dev.provingground.geofence.evaluation.ViolationStarted;
import dev.provingground.geofence.evaluation.ZoneEntered;
import dev.provingground.geofence.evaluation.ZoneExited;
import dev.provingground.server.registry.Robot;
import dev.provingground.trackrecord.event.EventBody;
import dev.provingground.trackrecord.event.GeofenceTransition;
import dev.provingground.trackrecord.event.GeofenceTransition.Transition;
import dev.provingground.trackrecord.event.TrackEvent;

import java.util.Locale;

/** Geofence engine events as track-record events: enter, exit, violation start and end, overspeed. */
final class GeofenceEventMapper {

    /** The "zone" of a speed limit that comes from the robot's own hardware profile rather than a zone. */
    static final String PROFILE_CAP = "profile-speed-cap";
    /** The "zone" of a rule broken outside every zone (a UV-C lamp on outside any closed disinfection zone). */
    static final String SITE = "site";

    private GeofenceEventMapper() {
    }

    /** @param speeds the robot's speed episodes, to say which source an overspeed came from */
    static TrackEvent toTrackEvent(Robot robot, GeofenceEvent event, SpeedEpisodes speeds) {
        return new TrackEvent(event.time(), robot.site(), robot.firm(), robot.id(), body(robot.id(), event, speeds));
    }

    static EventBody body(String robot, GeofenceEvent event, SpeedEpisodes speeds) {
        if (event instanceof ZoneEntered e)
            return new GeofenceTransition(e.zoneId(), null, Transition.ENTER, null, null, e.level(),
                    e.position().x(), e.position().y(), null, null, null);
        if (event instanceof ZoneExited e)
            return new GeofenceTransition(e.zoneId(), null, Transition.EXIT, null, null, e.level(),
                    e.position().x(), e.position().y(), null, null, null);
        if (event instanceof ViolationStarted s) return violation(s.violation(), Transition.VIOLATION_STARTED);
        ViolationEnded ended = (ViolationEnded) event;
        Violation v = ended.violation();
        if (v.rule() == ViolationRule.SPEED_LIMIT_EXCEEDED && v.maxExcess() > 0)
            return speeds.ended(robot, zoneOf(v), v.limit(), v.limit() + v.maxExcess(), seconds(v));
        return violation(v, Transition.VIOLATION);
    }

    private static GeofenceTransition violation(Violation v, Transition transition) {
        boolean ended = transition == Transition.VIOLATION;
        return new GeofenceTransition(zoneOf(v), ruleName(v.rule()), transition, ended ? seconds(v) : null,
                ended ? v.maxExcess() : null, v.level(), v.position().x(), v.position().y(), v.measured(), v.limit(),
                v.action().name());
    }

    private static String zoneOf(Violation v) {
        if (v.zoneId() != null) return v.zoneId();
        return v.rule() == ViolationRule.SPEED_LIMIT_EXCEEDED ? PROFILE_CAP : SITE;
    }

    /** {@code KEEP_OUT_ENTERED} → {@code keep-out-entered}. */
    static String ruleName(ViolationRule rule) {
        return rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static double seconds(Violation v) {
        return v.duration().toMillis() / 1000.0;
    }
}
