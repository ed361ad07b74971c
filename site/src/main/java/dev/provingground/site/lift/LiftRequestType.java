package dev.provingground.site.lift;

/** What a {@link LiftRequest} asks of the controller; the number is Open-RMF's {@code request_type} code. */
public enum LiftRequestType {
    /** Gives the car back: the session ends and the car returns to {@link LiftMode#HUMAN} service. */
    END_SESSION(0),
    /** Takes the car for a robot: it goes to the destination and holds its doors as requested, no time-out. */
    AGV_MODE(1),
    /** Takes the car but lets its doors close by themselves after the dwell time, as for people. */
    HUMAN_MODE(2);

    private final int rmfCode;

    LiftRequestType(int rmfCode) {
        this.rmfCode = rmfCode;
    }

    public int rmfCode() {
        return rmfCode;
    }
}
