package dev.provingground.vda5050;

import java.util.List;

/**
 * Factsheet: an action type the robot supports, standard or vendor-specific (UV-C lamp, tray hand-over,
 * elevator boarding …).
 */
public record AgvAction(String actionType, String actionDescription, List<ActionScope> actionScopes,
                        List<AgvActionParameter> actionParameters, String resultDescription,
                        List<BlockingType> blockingTypes) {

    public AgvAction {
        actionScopes = Lists.copy("AgvAction.actionScopes", actionScopes);
        actionParameters = Lists.copy("AgvAction.actionParameters", actionParameters);
        blockingTypes = Lists.copy("AgvAction.blockingTypes", blockingTypes);
    }
}
