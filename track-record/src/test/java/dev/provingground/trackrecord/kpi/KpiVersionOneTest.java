package dev.provingground.trackrecord.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provingground.trackrecord.Scenario;
import dev.provingground.trackrecord.event.TrackEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Format version 1, kept so bundles exported before version 2 still verify: its hand-worked figures must not move. */
class KpiVersionOneTest {

    private final List<TrackEvent> morning = Scenario.acmeMorning();

    private KpiReport v1(KpiScope scope) {
        return fold(morning, scope);
    }

    private static KpiReport fold(List<TrackEvent> events, KpiScope scope) {
        KpiFold fold = KpiVersions.fold(1, scope, robot -> null);
        events.forEach(fold::accept);
        return fold.report();
    }

    private static void assertValues(KpiReport report, Map<String, String> expected) {
        expected.forEach((name, value) -> assertThat(report.value(name))
                .as(name).isNotNull()
                .isEqualByComparingTo(new BigDecimal(value)));
    }

    @Test
    void theMorningGivesTheHandWorkedKpis() {
        KpiReport report = v1(KpiScope.all());

        assertThat(report.eventsInScope()).isEqualTo(33);
        assertValues(report, Map.ofEntries(
                Map.entry("events.count", "33"),
                Map.entry("distance.total_km", "0.105"),
                Map.entry("distance.mode.automatic_km", "0.1"),
                Map.entry("distance.mode.manual_km", "0.005"),
                Map.entry("distance.area.indoor_km", "0.02"),
                Map.entry("distance.area.sidewalk_km", "0.01"),
                Map.entry("distance.area.crosswalk_km", "0.005"),
                Map.entry("distance.area.elevator_km", "0.03"),
                Map.entry("distance.area.other_km", "0.04"),
                Map.entry("operating.hours", "0.016667"),
                Map.entry("link.lost", "1"),
                Map.entry("missions.started", "4"),
                Map.entry("missions.completed", "2"),
                Map.entry("missions.failed", "1"),
                Map.entry("missions.cancelled", "1"),
                Map.entry("missions.success_rate", "0.666667"),
                Map.entry("interventions.count", "2"),
                Map.entry("interventions.kind.remote_assist", "1"),
                Map.entry("interventions.kind.on_site", "1"),
                Map.entry("interventions.per_1000_km", "19047.619048"),
                Map.entry("interventions.per_hour", "120"),
                Map.entry("interventions.mean_km_between", "0.0525"),
                Map.entry("estops.count", "2"),
                Map.entry("estops.source.robot_button", "1"),
                Map.entry("estops.source.server", "1"),
                Map.entry("geofence.violations", "2"),
                Map.entry("geofence.violations_per_1000_km", "19047.619048"),
                Map.entry("overspeed.count", "1"),
                Map.entry("overspeed.per_1000_km", "9523.809524"),
                Map.entry("incidents.count", "2"),
                Map.entry("incidents.severity.minor", "1"),
                Map.entry("incidents.severity.moderate", "1"),
                Map.entry("elevator.rides", "2"),
                Map.entry("elevator.rides_robot_only", "1"),
                Map.entry("elevator.rides_with_passengers", "1"),
                Map.entry("elevator.failures", "1"),
                Map.entry("uvc.lamp_hours", "0.175"),
                Map.entry("uvc.dose_j_per_m2", "124.5"),
                Map.entry("uvc.interlock_trips", "1"),
                Map.entry("config.changes", "1"),
                Map.entry("reliability.failures", "2"),
                Map.entry("reliability.mtbf_hours", "0.003333"),
                Map.entry("reliability.mttr_hours", "0.005"),
                Map.entry("reliability.availability", "0.4")));
    }

    @Test
    void aRobotFilterCountsOnlyThatRobotsEvents() {
        KpiReport report = v1(new KpiScope(null, null, Set.of("r2")));

        assertValues(report, Map.of(
                "events.count", "10",
                "distance.total_km", "0.04",
                "interventions.count", "1",
                "missions.success_rate", "1",
                "reliability.availability", "0.4",
                "config.changes", "0",
                "incidents.count", "0"));
    }

    @Test
    void aPeriodCountsOnlyEventsWhoseTimeFallsInIt() {
        KpiReport report = v1(new KpiScope(Scenario.at(41), Scenario.at(660), Set.of()));

        assertValues(report, Map.of(
                "distance.total_km", "0.04",
                "interventions.count", "1",
                "uvc.lamp_hours", "0",
                "missions.started", "2"));
    }

    @Test
    void ratesOverNothingAreUndefinedRatherThanZero() {
        KpiReport report = fold(List.of(), KpiScope.all());

        assertThat(report.value("interventions.per_1000_km")).isNull();
        assertThat(report.value("missions.success_rate")).isNull();
        assertThat(report.value("reliability.availability")).isNull();
        assertThat(report.value("distance.total_km")).isEqualByComparingTo("0");
    }

    @Test
    void theJsonFileReadsBackToTheSameKpisAndTheCsvHasOneRowPerMetric() {
        KpiScope scope = new KpiScope(Scenario.at(0), Scenario.at(800), Set.of("r1", "r2"));
        KpiReport report = v1(scope);

        KpiReport reread = KpiFiles.parseJson(KpiFiles.json(report));
        String[] csv = new String(KpiFiles.csv(report), StandardCharsets.UTF_8).split("\n");

        assertThat(reread.scope()).isEqualTo(scope);
        assertThat(reread.metrics()).hasSameSizeAs(report.metrics());
        for (int i = 0; i < report.metrics().size(); i++) {
            Metric want = report.metrics().get(i);
            Metric got = reread.metrics().get(i);
            assertThat(got.name()).isEqualTo(want.name());
            assertThat(got.valueText()).isEqualTo(want.valueText());
        }
        assertThat(csv[0]).isEqualTo("metric,unit,value");
        assertThat(csv).hasSize(report.metrics().size() + 1).contains("distance.total_km,km,0.105", "missions.success_rate,ratio,0.666667");
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        assertThatThrownBy(() -> new KpiScope(Scenario.at(10), Scenario.at(10), Set.of()))
                .hasMessageContaining("must be before its end");
    }
}
