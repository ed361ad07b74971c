package dev.provingground.vda5050;

import java.time.Instant;

/**
 * Topic factsheet: what a robot type is and can do. headerId and timestamp are optional in the schema, so a
 * decoded factsheet may have headerId 0 and a null timestamp.
 */
public record Factsheet(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber,
                        TypeSpecification typeSpecification, PhysicalParameters physicalParameters,
                        ProtocolLimits protocolLimits, ProtocolFeatures protocolFeatures, AgvGeometry agvGeometry,
                        LoadSpecification loadSpecification, VehicleConfig vehicleConfig) implements VdaMessage {

    @Override
    public Topic topic() {
        return Topic.FACTSHEET;
    }

    @Override
    public Factsheet withHeader(Header h) {
        return new Factsheet(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                typeSpecification, physicalParameters, protocolLimits, protocolFeatures, agvGeometry,
                loadSpecification, vehicleConfig);
    }
}
