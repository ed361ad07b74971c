package dev.provingground.server.enforcement;

import dev.provingground.vda5050.ActionState;
import dev.provingground.vda5050.ActionStatus;
import dev.provingground.vda5050.Info;
import dev.provingground.vda5050.State;

/**
 * Whether a robot's UV-C lamp is on, from its state. VDA 5050 has no field for it, so a robot reports it as an
 * {@code information} entry of type {@code uvcLamp} with description {@code on} or {@code off}; without one, the
 * last finished {@code uvcLampOn}/{@code uvcLampOff} action decides.
 */
public final class UvcLampState {

    static final String INFO_TYPE = "uvcLamp";

    private UvcLampState() {
    }

    public static boolean isOn(State state) {
        for (Info info : state.information())
            if (INFO_TYPE.equals(info.infoType())) return "on".equalsIgnoreCase(info.infoDescription());
        boolean on = false;
        for (ActionState a : state.actionStates()) {
            if (a.actionStatus() != ActionStatus.FINISHED) continue;
            if ("uvcLampOn".equals(a.actionType())) on = true;
            else if ("uvcLampOff".equals(a.actionType())) on = false;
        }
        return on;
    }
}
