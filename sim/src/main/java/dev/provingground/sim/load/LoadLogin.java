package dev.provingground.sim.load;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Who one generated robot is and how it logs in. {@code username} and {@code password} may be null for a broker that
 * takes anonymous clients.
 */
public record LoadLogin(String manufacturer, String serialNumber, String username, String password) {

    public LoadLogin {
        if (manufacturer == null || manufacturer.isBlank()) throw new IllegalArgumentException("manufacturer: required");
        if (serialNumber == null || serialNumber.isBlank()) throw new IllegalArgumentException("serialNumber: required");
    }

    /** Robot {@code index}'s serial number: {@code load-00042}. */
    public static String serial(int index) {
        return String.format("load-%05d", index);
    }

    /** Logins without credentials, for a broker that lets anyone in. */
    public static List<LoadLogin> anonymous(String manufacturer, int robots) {
        return IntStream.range(0, robots)
                .mapToObj(i -> new LoadLogin(manufacturer, serial(i), null, null)).toList();
    }
}
