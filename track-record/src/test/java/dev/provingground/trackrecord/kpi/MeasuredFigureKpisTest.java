package dev.provingground.trackrecord.kpi;

import static dev.provingground.trackrecord.kpi.LateSamplesTest.T0;
import static dev.provingground.trackrecord.kpi.LateSamplesTest.at;
import static dev.provingground.trackrecord.kpi.LateSamplesTest.batch;
import static dev.provingground.trackrecord.kpi.LateSamplesTest.straight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.trackrecord.event.ClockSkew;
import dev.provingground.trackrecord.event.PositionJump;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.StateSamples.Sample;
import dev.provingground.trackrecord.event.TrackEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures the server measured itself: unexplained displacement, coverage, link outages, clock skew. */
class MeasuredFigureKpisTest {

    private static Sample jumpedTo(int second, double x, double y) {
        Sample plain = at(second, x, y);
        return new Sample(plain.time(), plain.mapId(), x, y, plain.speed(), plain.mode(), plain.area(), plain.battery(),
                true);
    }

    private static TrackEvent robot(int second, dev.provingground.trackrecord.event.EventBody body) {
        return new TrackEvent(T0.plusSeconds(second), "site-a", "acme", "r1", body);
    }

    @Test
    void aJumpIsUnexplainedDisplacementNotDistanceDriven() {
        // 10 m driven, a 20 m jump in one second, 5 m driven on from there.
        List<Sample> samples = new ArrayList<>(straight(0, 10));
        samples.add(jumpedTo(11, 30, 0));
        for (int s = 12; s <= 16; s++) samples.add(at(s, 30 + (s - 11), 0));
        KpiReport kpis = Kpis.compute(List.of(batch(samples, false),
                robot(11, new PositionJump("L1", 10, 0, 30, 0, 1, 20, 3.2))), KpiScope.all());

        assertThat(kpis.value("distance.total_km")).isEqualByComparingTo("0.015");
        assertThat(kpis.value("distance.unexplained_km")).isEqualByComparingTo("0.02");
        assertThat(kpis.value("position.jumps")).isEqualByComparingTo("1");
        assertThat(kpis.value("operating.hours")).as("the robot was running all along")
                .isEqualByComparingTo(hours(16));
    }

    @Test
    void aBackfillThroughAJumpTakesItBackLikeAnyOtherJoin() {
        List<Sample> after = new ArrayList<>();
        after.add(jumpedTo(40, 40, 0));
        List<TrackEvent> events = new ArrayList<>(List.of(batch(straight(0, 10), false), batch(after, false)));
        assertThat(Kpis.compute(events, KpiScope.all()).value("distance.unexplained_km")).isEqualByComparingTo("0.03");

        events.add(batch(straight(11, 39), true));
        KpiReport kpis = Kpis.compute(events, KpiScope.all());
        assertThat(kpis.value("distance.unexplained_km")).as("only the last step, 39 → 40, is still the jump's")
                .isEqualByComparingTo("0.001");
        assertThat(kpis.value("distance.total_km")).isEqualByComparingTo("0.039");
    }

    @Test
    void coverageSaysWhatShareOfTheRobotsSpanOnRecordWasSampled() {
        // 0..10 s and 100..110 s sampled: the 90 s between joins nothing.
        KpiReport kpis = Kpis.compute(List.of(batch(straight(0, 10), false), batch(straight(100, 110), false)),
                KpiScope.all());
        assertThat(kpis.value("coverage.span_hours")).isEqualByComparingTo(hours(110));
        assertThat(kpis.value("coverage.sampled_share")).isEqualByComparingTo("0.181818");
        assertThat(Kpis.compute(List.of(), KpiScope.all()).value("coverage.sampled_share")).as("nothing sampled")
                .isNull();
    }

    @Test
    void everyLinkLossCountsWithItsOutageAndSkewEpisodesAreCounted() {
        KpiReport kpis = Kpis.compute(List.of(
                robot(0, new RobotLink(RobotLink.State.LINK_LOST, null)),
                robot(90, new RobotLink(RobotLink.State.CONNECTED, null, 90.0)),
                robot(100, new RobotLink(RobotLink.State.LINK_LOST, null)),
                robot(130, new RobotLink(RobotLink.State.CONNECTED, null, 30.0)),
                robot(131, new ClockSkew(ClockSkew.Phase.STARTED, 600, 5, null)),
                robot(200, new ClockSkew(ClockSkew.Phase.CLEARED, 0, 5, 69.0))), KpiScope.all());
        assertThat(kpis.value("link.lost.count")).isEqualByComparingTo("2");
        assertThat(kpis.value("link.restored")).isEqualByComparingTo("2");
        assertThat(kpis.value("link.outage_hours")).isEqualByComparingTo(hours(120));
        assertThat(kpis.value("link.longest_outage_hours")).isEqualByComparingTo(hours(90));
        assertThat(kpis.value("clock.skew_episodes")).isEqualByComparingTo("1");
    }

    private static String hours(int seconds) {
        return MetricList.decimal(seconds / 3600.0).toPlainString();
    }
}
