package dev.provingground.sim.load;

import picocli.CommandLine.Option;

/** What the load generator offers, as {@code sim loadgen} and {@code bench ingest} both take it. */
public final class LoadOptions {

    @Option(names = "--robots", defaultValue = "1000", description = "robots, one MQTT connection each (default: ${DEFAULT-VALUE})")
    int robots;

    @Option(names = "--rate", defaultValue = "2", description = "state messages per second per robot (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--visualization-rate", defaultValue = "1",
            description = "visualization messages per second per robot, 0 for none (default: ${DEFAULT-VALUE})")
    double visualizationRate;

    @Option(names = "--crossing-share", defaultValue = "0.1",
            description = "share of robots driving in and out of the PAUSE keep-out zone (default: ${DEFAULT-VALUE})")
    double crossingShare;

    @Option(names = "--threads", defaultValue = "2", description = "event loops the robots are spread over (default: ${DEFAULT-VALUE})")
    int threads;

    /** @throws IllegalArgumentException naming the option that is out of range */
    public LoadSettings settings() {
        return LoadSettings.defaults().withRobots(robots).withStateHz(rate).withVisualizationHz(visualizationRate)
                .withCrossingShare(crossingShare).withThreads(threads);
    }
}
