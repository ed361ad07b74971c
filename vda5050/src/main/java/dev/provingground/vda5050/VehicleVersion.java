package dev.provingground.vda5050;

/** Factsheet: a hardware or software version on the vehicle, e.g. {@code ("softwareVersion", "v1.03.2")}. */
public record VehicleVersion(String key, String value) {
}
