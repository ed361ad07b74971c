package dev.provingground.vda5050;

import java.util.List;

/** Factsheet: supported optional parameters and actions. */
public record ProtocolFeatures(List<OptionalParameter> optionalParameters, List<AgvAction> agvActions) {

    public ProtocolFeatures {
        optionalParameters = Lists.copy("ProtocolFeatures.optionalParameters", optionalParameters);
        agvActions = Lists.copy("ProtocolFeatures.agvActions", agvActions);
    }
}
