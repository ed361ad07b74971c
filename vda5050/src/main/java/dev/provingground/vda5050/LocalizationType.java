package dev.provingground.vda5050;

/** Localization technique a robot type supports (factsheet). */
public enum LocalizationType {
    NATURAL, REFLECTOR, RFID, DMC, SPOT, GRID
}
