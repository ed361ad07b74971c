package dev.provingground.vda5050;

import java.util.List;

/** Factsheet: load handling devices and the load sets the robot handles. */
public record LoadSpecification(List<String> loadPositions, List<LoadSet> loadSets) {

    public LoadSpecification {
        loadPositions = Lists.copy("LoadSpecification.loadPositions", loadPositions);
        loadSets = Lists.copy("LoadSpecification.loadSets", loadSets);
    }
}
