package dev.provingground.geofence.evaluation;

import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneRules;

/** Which rule merely being inside a zone breaks; shared by live evaluation and route checking. */
public final class ZonePresence {

    private ZonePresence() {
    }

    /**
     * @param upperCaseKind     the robot's kind, upper-cased
     * @param disinfectionRobot whether the robot is of the configured disinfection kind
     * @return the broken rule, or null when the robot may be inside
     */
    public static ViolationRule ruleBrokenInside(Zone zone, String upperCaseKind, String firm,
                                                 boolean disinfectionRobot) {
        ZoneRules rules = zone.rules();
        switch (zone.kind()) {
            case KEEP_OUT:
                return zone.appliesTo(upperCaseKind, firm) ? ViolationRule.KEEP_OUT_ENTERED : null;
            case OPERATING_AREA:
            case CROSSWALK:
                if (!rules.kindMatches(upperCaseKind)) return ViolationRule.KIND_NOT_ALLOWED;
                return rules.firmMatches(firm) ? null : ViolationRule.FIRM_NOT_ALLOWED;
            case DISINFECTION:
                return zone.isClosedForDisinfection() && zone.appliesTo(upperCaseKind, firm) && !disinfectionRobot
                        ? ViolationRule.DISINFECTION_ZONE_CLOSED : null;
            default:
                return null;
        }
    }
}
