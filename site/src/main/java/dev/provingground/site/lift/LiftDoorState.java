package dev.provingground.site.lift;

/** Car door state; the number is Open-RMF's {@code door_state} code. A request may only ask for CLOSED or OPEN. */
public enum LiftDoorState {
    CLOSED(0), MOVING(1), OPEN(2);

    private final int rmfCode;

    LiftDoorState(int rmfCode) {
        this.rmfCode = rmfCode;
    }

    public int rmfCode() {
        return rmfCode;
    }
}
