package dev.provingground.vda5050;

import java.util.List;

/** An information entry (state.information[]), for visualisation and debugging only. */
public record Info(String infoType, List<InfoReference> infoReferences, String infoDescription,
                   InfoLevel infoLevel) {

    public Info {
        infoReferences = Lists.copy("Info.infoReferences", infoReferences);
    }
}
