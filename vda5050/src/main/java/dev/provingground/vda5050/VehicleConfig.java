package dev.provingground.vda5050;

import java.util.List;

/** Factsheet: versions and network configuration of the vehicle (new in 2.1.0). */
public record VehicleConfig(List<VehicleVersion> versions, Network network) {

    public VehicleConfig {
        versions = Lists.copy("VehicleConfig.versions", versions);
    }
}
