package dev.provingground.server.registry;

import dev.provingground.server.errors.InvalidInputException;

import java.util.Arrays;

/**
 * Who gives a robot its work. Either way the robot is monitored, held to the zones and recorded alike; only where its
 * orders come from differs.
 */
public enum DispatchMode {
    /** The server's dispatcher gives it tasks and sends it to charge. */
    SERVER,
    /** A vendor keeps its own fleet manager: the server's dispatcher never sends it a task or a charge order. */
    VENDOR;

    /** Reads the wire value; anything else is refused naming {@code field} and the allowed values. */
    public static DispatchMode parse(String field, String value) {
        if (value == null) throw new InvalidInputException(field, "required; one of " + Arrays.toString(values()));
        for (DispatchMode m : values()) if (m.name().equals(value)) return m;
        throw new InvalidInputException(field, "must be one of " + Arrays.toString(values()) + ", got \"" + value + "\"");
    }
}
