package dev.provingground.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeedCapTest {

    private static final double FIFTEEN_KMH = 15 / 3.6;
    private static final double TEN_KMH = 10 / 3.6;
    private static final double FIVE_KMH = 5 / 3.6;
    private static final double FAST = 8.0;

    @TempDir
    Path dir;

    @Test
    void outdoorRobotOf90KgWithPayloadIsCappedAt15KmH() {
        HardwareProfile robot = load(ProfileFiles.sidewalkRobot(70, 20, FAST));

        assertThat(robot.massWithPayloadKg()).isEqualTo(90.0);
        assertThat(robot.outdoorSpeedClass()).contains(OutdoorSpeedClass.UP_TO_100_KG);
        assertThat(robot.speedCapMps()).isCloseTo(4.1667, within(1e-4));
    }

    @Test
    void outdoorRobotSlowerThanItsClassKeepsItsOwnSpeedMax() {
        HardwareProfile robot = load(ProfileFiles.sidewalkRobot(70, 20, 1.5));

        assertThat(robot.outdoorSpeedClass()).contains(OutdoorSpeedClass.UP_TO_100_KG);
        assertThat(robot.speedCapMps()).isEqualTo(1.5);
    }

    @Test
    void outdoorRobotOf150KgWithPayloadIsCappedAt10KmH() {
        HardwareProfile robot = load(ProfileFiles.sidewalkRobot(120, 30, FAST));

        assertThat(robot.outdoorSpeedClass()).contains(OutdoorSpeedClass.UP_TO_230_KG);
        assertThat(robot.speedCapMps()).isCloseTo(TEN_KMH, within(1e-12));
    }

    @Test
    void outdoorRobotOf400KgWithPayloadIsCappedAt5KmH() {
        HardwareProfile robot = load(ProfileFiles.sidewalkRobot(300, 100, FAST));

        assertThat(robot.outdoorSpeedClass()).contains(OutdoorSpeedClass.UP_TO_500_KG);
        assertThat(robot.speedCapMps()).isCloseTo(FIVE_KMH, within(1e-12));
    }

    @Test
    void classBoundsAreInclusive() {
        assertThat(load(ProfileFiles.sidewalkRobot(80, 20, FAST)).speedCapMps()).isCloseTo(FIFTEEN_KMH, within(1e-12));
        assertThat(load(ProfileFiles.sidewalkRobot(80, 20.5, FAST)).speedCapMps()).isCloseTo(TEN_KMH, within(1e-12));
        assertThat(load(ProfileFiles.sidewalkRobot(400, 100, FAST)).speedCapMps()).isCloseTo(FIVE_KMH, within(1e-12));
    }

    @Test
    void outdoorRobotOf600KgWithPayloadIsRejectedNamingFileAndField() {
        ProfileFiles.write(dir, "sidewalk-delivery.json", ProfileFiles.sidewalkRobot(550, 50, FAST));

        assertThatThrownBy(() -> ProfileCatalog.load(dir))
                .isInstanceOf(ProfileLoadException.class)
                .hasMessage("sidewalk-delivery.json: service: mass with maximum payload 600 kg (massEmptyKg 550 "
                        + "+ maxPayloadKg 50) exceeds 500 kg: an OUTDOOR robot this heavy cannot be certified for outdoor operation")
                .satisfies(e -> assertThat(((ProfileLoadException) e).field()).contains("service"));
    }

    @Test
    void indoorRobotUsesItsSpeedMaxWhateverItsMass() {
        ObjectNode heavyIndoor = ProfileFiles.sidewalkRobot(550, 50, 1.9);
        ProfileFiles.at(heavyIndoor, "service").put("environment", "INDOOR");

        HardwareProfile robot = load(heavyIndoor);

        assertThat(robot.outdoorSpeedClass()).isEmpty();
        assertThat(robot.speedCapMps()).isEqualTo(1.9);
        assertThat(ProfileCatalog.builtIn().require("serving").speedCapMps()).isEqualTo(1.2);
    }

    @Test
    void speedClassForMassPicksTheLightestClassThatAdmitsIt() {
        assertThat(OutdoorSpeedClass.forMass(0.5)).contains(OutdoorSpeedClass.UP_TO_100_KG);
        assertThat(OutdoorSpeedClass.forMass(230)).contains(OutdoorSpeedClass.UP_TO_230_KG);
        assertThat(OutdoorSpeedClass.forMass(230.01)).contains(OutdoorSpeedClass.UP_TO_500_KG);
        assertThat(OutdoorSpeedClass.forMass(500.01)).isEmpty();
        assertThat(OutdoorSpeedClass.UP_TO_230_KG.speedLimitKmh()).isEqualTo(10.0);
        assertThat(OutdoorSpeedClass.certifiableMassLimitKg()).isEqualTo(500.0);
    }

    @Test
    void speedClassRejectsANonPositiveMass() {
        assertThatThrownBy(() -> OutdoorSpeedClass.forMass(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mass with payload must be a positive number of kg, got -3");
    }

    private HardwareProfile load(ObjectNode profile) {
        ProfileFiles.write(dir, "sidewalk-delivery.json", profile);
        return ProfileCatalog.load(dir).require("sidewalk-delivery");
    }
}
