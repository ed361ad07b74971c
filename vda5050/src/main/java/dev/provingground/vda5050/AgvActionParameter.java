package dev.provingground.vda5050;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Factsheet: a parameter an action type accepts. */
public record AgvActionParameter(String key, ValueDataType valueDataType, String description,
                                 @JsonProperty("isOptional") Boolean isOptional) {
}
