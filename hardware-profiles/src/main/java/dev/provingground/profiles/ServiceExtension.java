package dev.provingground.profiles;

/**
 * What a VDA 5050 factsheet cannot say about a service robot: what it is for, where it runs, its masses and its
 * energy figures. Powers are electrical draw from the battery; the charge power is the average power flowing
 * into the battery over a full charge, so that battery Wh / charge power is the published charging time.
 *
 * @param kind                            what the robot is for
 * @param environment                     where it operates
 * @param massEmptyKg                     mass without payload, kg (&gt; 0)
 * @param maxPayloadKg                    maximum payload, kg (&ge; 0; a UV-C robot carries none)
 * @param batteryCapacityWh               usable battery energy, Wh (&gt; 0)
 * @param powerIdleW                      draw while switched on and standing, W (&gt; 0, &le; moving)
 * @param powerMovingW                    draw while driving, W (&gt; 0)
 * @param chargePowerW                    average charging power, W (&gt; 0)
 * @param elevatorCapable                 whether the robot can ride elevators (and declares elevator actions)
 * @param uvcIrradianceAt1mMicroWattPerCm2 UV-C irradiance at 1 m, µW/cm²; required for DISINFECTION, null otherwise
 */
public record ServiceExtension(
        RobotKind kind,
        Environment environment,
        double massEmptyKg,
        double maxPayloadKg,
        double batteryCapacityWh,
        double powerIdleW,
        double powerMovingW,
        double chargePowerW,
        boolean elevatorCapable,
        Double uvcIrradianceAt1mMicroWattPerCm2) {

    private static final double SECONDS_PER_HOUR = 3600.0;

    public ServiceExtension {
        if (kind == null) {
            throw new InvalidFieldException("kind", "required");
        }
        if (environment == null) {
            throw new InvalidFieldException("environment", "required");
        }
        requirePositive("massEmptyKg", massEmptyKg);
        requireFinite("maxPayloadKg", maxPayloadKg);
        if (maxPayloadKg < 0) {
            throw new InvalidFieldException("maxPayloadKg", "must be >= 0, got " + Numbers.format(maxPayloadKg));
        }
        requirePositive("batteryCapacityWh", batteryCapacityWh);
        requirePositive("powerIdleW", powerIdleW);
        requirePositive("powerMovingW", powerMovingW);
        requirePositive("chargePowerW", chargePowerW);
        if (powerIdleW > powerMovingW) {
            throw new InvalidFieldException("powerIdleW", "must not exceed powerMovingW ("
                    + Numbers.format(powerMovingW) + " W), got " + Numbers.format(powerIdleW));
        }
        if (kind == RobotKind.DISINFECTION) {
            if (uvcIrradianceAt1mMicroWattPerCm2 == null) {
                throw new InvalidFieldException("uvcIrradianceAt1mMicroWattPerCm2",
                        "required for a DISINFECTION robot (UV-C irradiance at 1 m in µW/cm²)");
            }
            requirePositive("uvcIrradianceAt1mMicroWattPerCm2", uvcIrradianceAt1mMicroWattPerCm2);
        } else if (uvcIrradianceAt1mMicroWattPerCm2 != null) {
            throw new InvalidFieldException("uvcIrradianceAt1mMicroWattPerCm2",
                    "only DISINFECTION robots carry UV-C lamps, but kind is " + kind + " and got "
                            + Numbers.format(uvcIrradianceAt1mMicroWattPerCm2));
        }
    }

    public double massWithPayloadKg() {
        return massEmptyKg + maxPayloadKg;
    }

    /**
     * Battery energy used by driving for {@code drivingSeconds} and standing switched on for {@code idleSeconds}.
     * A linear model: constant draw per state, no regeneration, no payload dependence.
     */
    public double energyWh(double drivingSeconds, double idleSeconds) {
        requireDuration("drivingSeconds", drivingSeconds);
        requireDuration("idleSeconds", idleSeconds);
        return (powerMovingW * drivingSeconds + powerIdleW * idleSeconds) / SECONDS_PER_HOUR;
    }

    /**
     * Seconds to charge from one state of charge to another at the average charging power. Linear on purpose:
     * published charging times are for full charges, and no datasheet here publishes the taper near full.
     */
    public double chargeSeconds(double fromPercent, double toPercent) {
        requirePercent("fromPercent", fromPercent);
        requirePercent("toPercent", toPercent);
        if (toPercent < fromPercent) {
            throw new IllegalArgumentException("toPercent (" + Numbers.format(toPercent)
                    + ") must not be below fromPercent (" + Numbers.format(fromPercent) + "): charging never lowers the charge");
        }
        double energyWh = (toPercent - fromPercent) / 100.0 * batteryCapacityWh;
        return energyWh / chargePowerW * SECONDS_PER_HOUR;
    }

    private static void requirePositive(String field, double value) {
        requireFinite(field, value);
        if (!(value > 0)) {
            throw new InvalidFieldException(field, "must be > 0, got " + Numbers.format(value));
        }
    }

    private static void requireFinite(String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidFieldException(field, "must be a finite number, got " + value);
        }
    }

    private static void requireDuration(String name, double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            throw new IllegalArgumentException(name + " must be a finite number of seconds >= 0, got " + Numbers.format(seconds));
        }
    }

    private static void requirePercent(String name, double percent) {
        if (Double.isNaN(percent) || percent < 0 || percent > 100) {
            throw new IllegalArgumentException(name + " must be between 0 and 100, got " + Numbers.format(percent));
        }
    }
}
