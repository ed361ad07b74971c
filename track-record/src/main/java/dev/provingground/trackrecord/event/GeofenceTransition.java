package dev.provingground.trackrecord.event;

/**
 * {@code geofence}: the robot entered or left a zone, or broke one of its rules.
 *
 * @param zone            zone identifier
 * @param rule            for VIOLATION, the rule broken (e.g. {@code keep-out}, {@code max-robots}); else optional
 * @param transition      ENTER, EXIT or VIOLATION
 * @param durationSeconds for VIOLATION, how long it lasted; optional
 * @param maxExcess       for VIOLATION, the worst excess in the rule's unit (metres inside a keep-out, robots over a
 *                        limit …); optional
 */
public record GeofenceTransition(String zone, String rule, Transition transition, Double durationSeconds,
                                 Double maxExcess) implements EventBody {

    public enum Transition { ENTER, EXIT, VIOLATION }

    public GeofenceTransition {
        Require.text(zone, "zone");
        Require.present(transition, "transition");
        if (transition == Transition.VIOLATION) {
            Require.text(rule, "rule");
        } else {
            Require.optionalText(rule, "rule");
        }
        Require.optionalNonNegative(durationSeconds, "durationSeconds");
        Require.optionalNonNegative(maxExcess, "maxExcess");
    }
}
