package dev.provingground.vda5050;

/** Battery: charge and health in percent, voltage in volts, reach in metres. */
public record BatteryState(double batteryCharge, Double batteryVoltage, Double batteryHealth, boolean charging,
                           Double reach) {

    public static BatteryState of(double batteryCharge, boolean charging) {
        return new BatteryState(batteryCharge, null, null, charging, null);
    }
}
