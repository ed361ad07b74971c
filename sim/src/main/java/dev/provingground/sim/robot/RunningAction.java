package dev.provingground.sim.robot;

import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.ActionState;
import dev.provingground.vda5050.ActionStatus;

/** An action the simulated robot knows about, with how long it still runs. */
final class RunningAction {

    final Action action;
    ActionStatus status;
    double remainingSeconds;
    String result;

    RunningAction(Action action) {
        this.action = action;
        this.status = ActionStatus.WAITING;
    }

    boolean isDone() {
        return status == ActionStatus.FINISHED || status == ActionStatus.FAILED;
    }

    ActionState state() {
        return new ActionState(action.actionId(), action.actionType(), null, status, result);
    }
}
