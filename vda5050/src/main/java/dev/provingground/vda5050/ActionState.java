package dev.provingground.vda5050;

/** Progress of one action of the current order or of an instant action. */
public record ActionState(String actionId, String actionType, String actionDescription, ActionStatus actionStatus,
                          String resultDescription) {

    public static ActionState of(String actionId, String actionType, ActionStatus actionStatus) {
        return new ActionState(actionId, actionType, null, actionStatus, null);
    }
}
