package dev.provingground.site.lift;

/** Which way the car is moving; the number is Open-RMF's {@code motion_state} code. */
public enum LiftMotionState {
    STOPPED(0), UP(1), DOWN(2), UNKNOWN(3);

    private final int rmfCode;

    LiftMotionState(int rmfCode) {
        this.rmfCode = rmfCode;
    }

    public int rmfCode() {
        return rmfCode;
    }
}
