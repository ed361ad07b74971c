package dev.provingground.vda5050;

import java.util.List;

/** Factsheet: wheels and envelopes of the robot type. */
public record AgvGeometry(List<WheelDefinition> wheelDefinitions, List<Envelope2d> envelopes2d,
                          List<Envelope3d> envelopes3d) {

    public AgvGeometry {
        wheelDefinitions = Lists.copy("AgvGeometry.wheelDefinitions", wheelDefinitions);
        envelopes2d = Lists.copy("AgvGeometry.envelopes2d", envelopes2d);
        envelopes3d = Lists.copy("AgvGeometry.envelopes3d", envelopes3d);
    }
}
