package dev.provingground.vda5050;

/** Who is in control of the robot. */
public enum OperatingMode {
    AUTOMATIC, SEMIAUTOMATIC, MANUAL, SERVICE, TEACHIN;

    /**
     * True in AUTOMATIC and SEMIAUTOMATIC, where the fleet's orders drive the robot; in MANUAL, SERVICE and TEACHIN a
     * person handles it through its HMI, and it takes no orders (entering or leaving MANUAL clears them).
     */
    public boolean fleetInControl() {
        return this == AUTOMATIC || this == SEMIAUTOMATIC;
    }
}
