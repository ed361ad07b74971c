package dev.provingground.site.lift;

/**
 * The car's operating mode; the number is Open-RMF's {@code current_mode} code. Only HUMAN and AGV can be asked
 * for; FIRE, OFFLINE and EMERGENCY are read-only modes the building puts the car in. UNKNOWN (code 0) is what a
 * controller reports when it cannot tell.
 */
public enum LiftMode {
    UNKNOWN(0), HUMAN(1), AGV(2), FIRE(3), OFFLINE(4), EMERGENCY(5);

    private final int rmfCode;

    LiftMode(int rmfCode) {
        this.rmfCode = rmfCode;
    }

    public int rmfCode() {
        return rmfCode;
    }

    /** Whether a request may select this mode (Open-RMF: "we can only set human or agv mode"). */
    public boolean selectable() {
        return this == HUMAN || this == AGV;
    }

    /** Modes in which the car serves no one: no new ride may start and robots aboard must leave. */
    public boolean outOfService() {
        return this == FIRE || this == EMERGENCY || this == OFFLINE || this == UNKNOWN;
    }
}
