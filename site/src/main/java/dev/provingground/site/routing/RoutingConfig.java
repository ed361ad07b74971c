package dev.provingground.site.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of routing.
 *
 * @param elevatorTiming the timing of every elevator car not named in {@code carTiming}
 *                       (default {@link ElevatorTiming#DEFAULTS})
 * @param carTiming      car id → that car's own timing, for a slow service lift or a car that is rarely free
 *                       (default none); every id must be a car of the site routed on
 * @param passageSeconds time to go through a passage between levels (an entrance door, a ramp), default 5 s.
 *                       A fixed time because the two ends may lie in different level frames, so no length
 *                       between them can be measured
 */
public record RoutingConfig(ElevatorTiming elevatorTiming, Map<String, ElevatorTiming> carTiming, double passageSeconds) {

    public RoutingConfig {
        Objects.requireNonNull(elevatorTiming, "routing elevatorTiming");
        carTiming = carTiming == null ? Map.of() : Map.copyOf(carTiming);
        if (!(passageSeconds >= 0) || !Double.isFinite(passageSeconds)) {
            throw new IllegalArgumentException("routing passageSeconds: must be a finite number of seconds >= 0, got " + passageSeconds);
        }
    }

    public static RoutingConfig defaults() {
        return new RoutingConfig(ElevatorTiming.DEFAULTS, Map.of(), 5);
    }

    public ElevatorTiming timingOf(String carId) {
        return carTiming.getOrDefault(carId, elevatorTiming);
    }

    public RoutingConfig withCarTiming(String carId, ElevatorTiming timing) {
        Map<String, ElevatorTiming> copy = new HashMap<>(carTiming);
        copy.put(Objects.requireNonNull(carId, "car id"), Objects.requireNonNull(timing, "timing"));
        return new RoutingConfig(elevatorTiming, copy, passageSeconds);
    }

    public RoutingConfig withElevatorTiming(ElevatorTiming timing) {
        return new RoutingConfig(timing, carTiming, passageSeconds);
    }
}
