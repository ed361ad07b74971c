package dev.provingground.geofence.evaluation;

/** Which rule a violation breaks, and the unit its measured value and limit are in. */
public enum ViolationRule {
    /** Measured: depth inside the keep-out zone (m); limit 0. */
    KEEP_OUT_ENTERED("m"),
    /** Measured: distance outside the operating area the robot left (m); limit 0. */
    OPERATING_AREA_LEFT("m"),
    /** Measured: speed (m/s); limit: the lowest limit in force (zone maxSpeed or the robot profile's cap). */
    SPEED_LIMIT_EXCEEDED("m/s"),
    /** Measured: depth inside a zone that does not admit the robot's kind (m); limit 0. */
    KIND_NOT_ALLOWED("m"),
    /** Measured: depth inside a zone that does not admit the robot's firm (m); limit 0. */
    FIRM_NOT_ALLOWED("m"),
    /** Measured: robots inside (count); limit: maxRobots. Given to the robots that entered beyond the limit. */
    OCCUPANCY_EXCEEDED("robots"),
    /** Measured: depth inside a CLOSED disinfection zone of a robot that is not a disinfection robot (m); limit 0. */
    DISINFECTION_ZONE_CLOSED("m"),
    /** Measured: 1 (lamp on); limit 0. The lamp may only be on inside a CLOSED disinfection zone. */
    UVC_LAMP_OUTSIDE_CLOSED_ZONE("lamp");

    private final String unit;

    ViolationRule(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
