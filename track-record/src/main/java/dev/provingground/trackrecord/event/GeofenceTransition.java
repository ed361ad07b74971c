package dev.provingground.trackrecord.event;

/**
 * {@code geofence}: the robot entered or left a zone, or broke one of its rules.
 *
 * <p>A broken rule is two events: {@code VIOLATION_STARTED} when it begins (so an alert and any enforcement are on
 * record even if the violation never ends cleanly), and {@code VIOLATION} when it ends — the complete record with
 * its duration and worst excess, the one KPIs count.
 *
 * @param zone            zone identifier
 * @param rule            for violations, the rule broken (e.g. {@code keep-out-entered}); else optional
 * @param transition      ENTER, EXIT, VIOLATION_STARTED or VIOLATION
 * @param durationSeconds for VIOLATION, how long it lasted; optional
 * @param maxExcess       for violations, the worst excess in the rule's unit (metres inside a keep-out, robots over a
 *                        limit …); optional
 * @param level           the level (map id) where it happened; optional
 * @param x               position, metres in the level frame; optional
 * @param y               position, metres in the level frame; optional
 * @param measured        for violations, the measured value when it started (rule's unit); optional
 * @param limit           for violations, the limit in force (rule's unit); optional
 * @param action          for violations, what the zone's rule did about it (LOG, ALERT, PAUSE, CANCEL); optional
 */
public record GeofenceTransition(String zone, String rule, Transition transition, Double durationSeconds,
                                 Double maxExcess, String level, Double x, Double y, Double measured, Double limit,
                                 String action) implements EventBody {

    public enum Transition { ENTER, EXIT, VIOLATION_STARTED, VIOLATION }

    public GeofenceTransition {
        Require.text(zone, "zone");
        Require.present(transition, "transition");
        if (transition == Transition.VIOLATION || transition == Transition.VIOLATION_STARTED) {
            Require.text(rule, "rule");
        } else {
            Require.optionalText(rule, "rule");
        }
        Require.optionalNonNegative(durationSeconds, "durationSeconds");
        Require.optionalNonNegative(maxExcess, "maxExcess");
        Require.optionalText(level, "level");
        Require.optionalText(action, "action");
    }

    /** Without position and measurements. */
    public GeofenceTransition(String zone, String rule, Transition transition, Double durationSeconds,
                              Double maxExcess) {
        this(zone, rule, transition, durationSeconds, maxExcess, null, null, null, null, null, null);
    }
}
