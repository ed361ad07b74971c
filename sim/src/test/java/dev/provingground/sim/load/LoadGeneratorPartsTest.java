package dev.provingground.sim.load;

import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Visualization;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator's pure parts: its messages, its robots' drives and its settings. */
class LoadGeneratorPartsTest {

    private final Vda5050Codec codec = new Vda5050Codec();

    @Test
    void aRenderedStateIsValidAndCarriesItsHeaderIdTimeAndPosition() {
        VdaFrames frames = new VdaFrames(codec, "LoadWorks", "load-00007", LoadHall.laneY(7));
        Instant at = Instant.parse("2026-12-06T19:00:00.123Z");

        byte[] rendered = frames.state(41, at, 10.25, true).getBytes();

        assertThat(codec.schemas().validate(Topic.STATE, rendered)).isEmpty();
        State s = codec.decode(State.class, rendered);
        assertThat(s.headerId()).isEqualTo(41);
        assertThat(s.timestamp()).isEqualTo(at);
        assertThat(s.version()).isEqualTo("2.1.0");
        assertThat(s.agvPosition().x()).isEqualTo(10.25);
        assertThat(s.agvPosition().y()).isEqualTo(7.5);
        assertThat(s.agvPosition().theta()).isZero();
        assertThat(s.agvPosition().mapId()).isEqualTo(LoadHall.LEVEL);
        assertThat(s.driving()).isTrue();
    }

    @Test
    void aRenderedVisualizationHeadingWestIsValidAndDecodes() {
        VdaFrames frames = new VdaFrames(codec, "LoadWorks", "load-00000", LoadHall.laneY(0));

        byte[] rendered = frames.visualization(3, Instant.parse("2026-12-06T19:00:01Z"), 1.0005, false).getBytes();

        assertThat(codec.schemas().validate(Topic.VISUALIZATION, rendered)).isEmpty();
        Visualization v = codec.decode(Visualization.class, rendered);
        assertThat(v.headerId()).isEqualTo(3);
        assertThat(v.agvPosition().x()).isEqualTo(1.001);
        assertThat(v.agvPosition().theta()).isEqualTo(3.141);
    }

    @Test
    void positionsGoOnTheWireInMillimetres() {
        assertThat(VdaFrames.millimetres(9.0)).isEqualTo("9.000");
        assertThat(VdaFrames.millimetres(10.0456)).isEqualTo("10.046");
        assertThat(VdaFrames.millimetres(0.05)).isEqualTo("0.050");
        assertThat(VdaFrames.millimetres(-1.5)).isEqualTo("-1.500");
        assertThat(VdaFrames.onTheWire(9.9996)).isEqualTo(10.0);
    }

    @Test
    void aCrossingRobotEntersTheKeepOutZoneOnEveryShuttleAndAStayingOneNever() {
        LoadHall.Shuttle crossing = LoadHall.CROSSING;
        long entries = IntStream.range(0, 4 * (int) crossing.periodSeconds() * 10)
                .filter(tenth -> !LoadHall.inZone(crossing.x((tenth - 1) / 10.0)) && LoadHall.inZone(crossing.x(tenth / 10.0)))
                .count();
        assertThat(entries).as("entries in four shuttles").isEqualTo(4);
        assertThat(IntStream.range(0, 1000).mapToDouble(t -> LoadHall.STAYING.x(t / 10.0)))
                .allMatch(x -> !LoadHall.inZone(x) && x >= 1 && x <= 7);
        assertThat(crossing.vx(0.1)).isPositive();
        assertThat(crossing.vx(crossing.periodSeconds() * 0.75)).isNegative();
    }

    @Test
    void theCrossingShareIsSpreadEvenlyAndRoundedToWholeRobots() {
        LoadSettings tenth = LoadSettings.defaults().withRobots(1000).withCrossingShare(0.1);
        assertThat(IntStream.range(0, 1000).filter(tenth::crosses).count()).isEqualTo(100);
        assertThat(IntStream.range(0, 10).filter(tenth::crosses).count()).isEqualTo(1);
        LoadSettings all = tenth.withCrossingShare(1);
        assertThat(IntStream.range(0, 1000).allMatch(all::crosses)).isTrue();
        LoadSettings none = tenth.withCrossingShare(0);
        assertThat(IntStream.range(0, 1000).noneMatch(none::crosses)).isTrue();
    }

    @Test
    void settingsOutOfRangeAreRefusedByTheirOptionName() {
        assertThatThrownBy(() -> LoadSettings.defaults().withRobots(0)).hasMessageContaining("--robots");
        assertThatThrownBy(() -> LoadSettings.defaults().withStateHz(0)).hasMessageContaining("--rate");
        assertThatThrownBy(() -> LoadSettings.defaults().withVisualizationHz(-1)).hasMessageContaining("--visualization-rate");
        assertThatThrownBy(() -> LoadSettings.defaults().withCrossingShare(1.5)).hasMessageContaining("--crossing-share");
        assertThatThrownBy(() -> LoadSettings.defaults().withThreads(0)).hasMessageContaining("--threads");
    }
}
