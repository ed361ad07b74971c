package dev.provingground.vda5050;

import java.util.List;

/** An action on a node, on an edge or sent as instant action. */
public record Action(String actionType, String actionId, String actionDescription, BlockingType blockingType,
                     List<ActionParameter> actionParameters) {

    public Action {
        actionParameters = Lists.copy("Action.actionParameters", actionParameters);
    }

    /** An action without description, e.g. for an instantActions message. */
    public static Action instant(String actionType, String actionId, BlockingType blockingType,
                                 List<ActionParameter> parameters) {
        return new Action(actionType, actionId, null, blockingType, parameters);
    }

    /** The same without description; the name reads better for node and edge actions. */
    public static Action of(String actionType, String actionId, BlockingType blockingType,
                            List<ActionParameter> parameters) {
        return instant(actionType, actionId, blockingType, parameters);
    }
}
