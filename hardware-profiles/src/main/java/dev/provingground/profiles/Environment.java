package dev.provingground.profiles;

/** Where a robot model operates; outdoor robots fall under the outdoor speed classes. */
public enum Environment {
    INDOOR, OUTDOOR
}
