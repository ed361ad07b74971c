package dev.provingground.vda5050;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Factsheet: one wheel (metres). */
public record WheelDefinition(WheelType type,
                              @JsonProperty("isActiveDriven") boolean isActiveDriven,
                              @JsonProperty("isActiveSteered") boolean isActiveSteered,
                              WheelPosition position, double diameter, double width, Double centerDisplacement,
                              String constraints) {
}
