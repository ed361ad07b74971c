package dev.provingground.trackrecord.event;

/**
 * {@code uvc.lamp}: a disinfection robot's UV-C lamp went on or off.
 *
 * @param phase      ON or OFF
 * @param cause      why: OPERATOR or SCHEDULE (on or off), INTERLOCK (off: a person or open door tripped the safety
 *                   interlock), FAULT (off: lamp or driver fault)
 * @param onSeconds  for OFF, how long the lamp had been on
 * @param doseJPerM2 for OFF, the UV-C dose delivered at the reference distance during that time, J/m², when known
 */
public record UvcLamp(Phase phase, Cause cause, Double onSeconds, Double doseJPerM2) implements EventBody {

    public enum Phase { ON, OFF }

    public enum Cause { OPERATOR, SCHEDULE, INTERLOCK, FAULT }

    public UvcLamp {
        Require.present(phase, "phase");
        Require.present(cause, "cause");
        if (phase == Phase.OFF) {
            Require.present(onSeconds, "onSeconds");
        } else {
            if (onSeconds != null || doseJPerM2 != null) {
                throw new IllegalArgumentException("onSeconds and doseJPerM2 belong to phase OFF, not ON");
            }
            if (cause == Cause.INTERLOCK || cause == Cause.FAULT) {
                throw new IllegalArgumentException("cause " + cause + " can only switch the lamp OFF");
            }
        }
        Require.optionalNonNegative(onSeconds, "onSeconds");
        Require.optionalNonNegative(doseJPerM2, "doseJPerM2");
    }
}
