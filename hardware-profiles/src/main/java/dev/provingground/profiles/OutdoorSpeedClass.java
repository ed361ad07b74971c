package dev.provingground.profiles;

import java.util.Optional;

/**
 * Speed classes for outdoor robots, chosen by the robot's mass with maximum payload. A heavier robot than the
 * last class allows has no class: it cannot be certified for outdoor operation, so no profile may describe one.
 */
public enum OutdoorSpeedClass {
    UP_TO_100_KG(100, 15),
    UP_TO_230_KG(230, 10),
    UP_TO_500_KG(500, 5);

    private final double maxMassKg;
    private final double speedLimitKmh;

    OutdoorSpeedClass(double maxMassKg, double speedLimitKmh) {
        this.maxMassKg = maxMassKg;
        this.speedLimitKmh = speedLimitKmh;
    }

    /** Heaviest mass with maximum payload, inclusive, that this class admits. */
    public double maxMassKg() {
        return maxMassKg;
    }

    public double speedLimitKmh() {
        return speedLimitKmh;
    }

    public double speedLimitMps() {
        return speedLimitKmh / 3.6;
    }

    /** The lightest class that admits this mass with payload; empty when the robot is too heavy for any. */
    public static Optional<OutdoorSpeedClass> forMass(double massWithPayloadKg) {
        if (!(massWithPayloadKg > 0) || Double.isInfinite(massWithPayloadKg)) {
            throw new IllegalArgumentException("mass with payload must be a positive number of kg, got "
                    + Numbers.format(massWithPayloadKg));
        }
        for (OutdoorSpeedClass speedClass : values()) {
            if (massWithPayloadKg <= speedClass.maxMassKg) {
                return Optional.of(speedClass);
            }
        }
        return Optional.empty();
    }

    /** The heaviest mass with payload any class admits. */
    public static double certifiableMassLimitKg() {
        return values()[values().length - 1].maxMassKg;
    }
}
