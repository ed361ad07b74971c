package dev.provingground.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EnergyModelTest {

    private static final double EXACT = 1e-9;

    /** 1000 Wh battery, 10 W idle, 100 W moving, 500 W average charging: numbers easy to check by hand. */
    private final ServiceExtension roundFigures = new ServiceExtension(RobotKind.DELIVERY, Environment.INDOOR,
            30, 10, 1000, 10, 100, 500, false, null);

    @Test
    void energyAddsMovingAndIdleDrawOverTime() {
        assertThat(roundFigures.energyWh(36, 360)).isCloseTo(2.0, within(EXACT));
        assertThat(roundFigures.energyWh(3600, 0)).isCloseTo(100.0, within(EXACT));
        assertThat(roundFigures.energyWh(0, 3600)).isCloseTo(10.0, within(EXACT));
        assertThat(roundFigures.energyWh(0, 0)).isZero();
    }

    @Test
    void chargeTimeIsTheMissingEnergyOverTheChargePower() {
        assertThat(roundFigures.chargeSeconds(0, 100)).isCloseTo(7200.0, within(EXACT));
        assertThat(roundFigures.chargeSeconds(10, 60)).isCloseTo(3600.0, within(EXACT));
        assertThat(roundFigures.chargeSeconds(42, 42)).isZero();
    }

    @Test
    void servingRobotMatchesItsPublishedRuntimesAndChargingTime() {
        HardwareProfile serving = ProfileCatalog.builtIn().require("serving");

        assertThat(serving.energyWh(12 * 3600, 0)).as("a full battery lasts 12 h of work")
                .isCloseTo(645.12, within(EXACT));
        assertThat(serving.energyWh(0, 24 * 3600)).as("a full battery lasts 24 h standing")
                .isCloseTo(645.12, within(EXACT));
        assertThat(serving.energyWh(1800, 900)).isCloseTo(33.6, within(EXACT));
        assertThat(serving.chargeSeconds(0, 100)).as("4.5 h full charge").isCloseTo(16200.0, within(EXACT));
        assertThat(serving.chargeSeconds(20, 80)).isCloseTo(9720.0, within(EXACT));
    }

    @Test
    void chargingBackwardsIsRefused() {
        assertThatThrownBy(() -> roundFigures.chargeSeconds(80, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toPercent (20) must not be below fromPercent (80): charging never lowers the charge");
    }

    @Test
    void percentagesOutsideZeroToHundredAreRefused() {
        assertThatThrownBy(() -> roundFigures.chargeSeconds(-5, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromPercent must be between 0 and 100, got -5");
        assertThatThrownBy(() -> roundFigures.chargeSeconds(50, 100.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toPercent must be between 0 and 100, got 100.5");
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThatThrownBy(() -> roundFigures.energyWh(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("drivingSeconds must be a finite number of seconds >= 0, got -1");
        assertThatThrownBy(() -> roundFigures.energyWh(0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("idleSeconds must be a finite number of seconds >= 0");
    }

    @Test
    void massWithPayloadAddsEmptyMassAndMaximumPayload() {
        assertThat(roundFigures.massWithPayloadKg()).isEqualTo(40.0);
    }
}
