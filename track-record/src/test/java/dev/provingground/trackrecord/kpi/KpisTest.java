package dev.provingground.trackrecord.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.trackrecord.Scenario;
import dev.provingground.trackrecord.context.RobotRegistration;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.StateSamples.AreaClass;
import dev.provingground.trackrecord.event.StateSamples.OperatingMode;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** KPI format version 3 over the hand-worked morning of {@link Scenario}. */
class KpisTest {

    private final List<TrackEvent> morning = Scenario.acmeMorning();
    private final Function<String, RobotRegistration> registered =
            robot -> Map.of("r1", Scenario.R1, "r2", Scenario.R2).get(robot);

    private static void assertValues(KpiReport report, Map<String, String> expected) {
        expected.forEach((name, value) -> assertThat(report.value(name))
                .as(name).isNotNull()
                .isEqualByComparingTo(new BigDecimal(value)));
    }

    @Test
    void theMorningGivesTheHandWorkedKpis() {
        KpiReport report = Kpis.compute(morning, KpiScope.all(), registered);

        assertThat(report.version()).isEqualTo(3);
        assertThat(report.eventsInScope()).isEqualTo(33);
        assertValues(report, Map.ofEntries(
                Map.entry("events.count", "33"),
                Map.entry("distance.total_km", "0.105"),
                Map.entry("distance.area.elevator_km", "0.03"),
                Map.entry("distance.speed_class.up_to_100_kg_km", "0.065"),
                Map.entry("distance.speed_class.indoor_km", "0.04"),
                Map.entry("operating.hours", "0.016667"),
                Map.entry("link.lost.count", "1"),
                Map.entry("missions.started", "4"),
                Map.entry("missions.completed", "2"),
                Map.entry("missions.failed", "1"),
                Map.entry("missions.cancelled", "1"),
                Map.entry("missions.running", "0"),
                Map.entry("missions.success_rate", "0.666667"),
                Map.entry("interventions.count", "2"),
                Map.entry("interventions.mean_km_between", "0.0525"),
                Map.entry("interventions.mean_hours_between", "0.008333"),
                Map.entry("estops.count", "2"),
                Map.entry("geofence.violations.count", "2"),
                Map.entry("overspeed.count", "1"),
                Map.entry("incidents.count", "2"),
                Map.entry("elevator.rides", "2"),
                Map.entry("elevator.failure_rate", "0.5"),
                Map.entry("uvc.lamp_hours", "0.175"),
                Map.entry("uvc.interlock_trips", "1"),
                Map.entry("config.changes.count", "1"),
                Map.entry("reliability.failures", "2"),
                Map.entry("reliability.fatal_errors", "1"),
                Map.entry("reliability.mean_km_between_failures", "0.0525"),
                Map.entry("reliability.mtbf_hours", "0.003333"),
                Map.entry("reliability.mttr_hours", "0.005"),
                Map.entry("reliability.availability", "0.4")));
    }

    @Test
    void aRateOfRareEventsOverTooLittleDistanceIsNotEnoughDataButKeepsItsCountsAndInterval() {
        Metric rate = Kpis.compute(morning, KpiScope.all(), registered).require("interventions.per_1000_km");

        assertThat(rate.value()).isNull();
        assertThat(rate.basis().note()).isEqualTo("not enough data: 0.105 km in the scope, at least 1 km needed");
        assertThat(rate.basis().numerator()).isEqualByComparingTo("2");
        assertThat(rate.basis().denominator()).isEqualByComparingTo("0.105");
        assertThat(rate.basis().sampleSize()).isEqualTo(2);
        // Garwood bounds for 2 events: 0.242209 and 7.224688 events, over 0.105 km, per 1000 km.
        assertThat(rate.basis().ciLow().doubleValue()).isCloseTo(0.2422093 * 1000 / 0.105, org.assertj.core.data.Offset.offset(0.01));
        assertThat(rate.basis().ciHigh().doubleValue()).isCloseTo(7.2246876 * 1000 / 0.105, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aRateOverEnoughDistanceHasItsValueBetweenTheBoundsOfItsInterval() {
        List<TrackEvent> events = new ArrayList<>();
        List<StateSamples.Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            samples.add(new StateSamples.Sample(Scenario.at(i), "L1", i * 40.0, 0, 1, OperatingMode.AUTOMATIC,
                    AreaClass.INDOOR, null));
        }
        events.add(new TrackEvent(Scenario.at(0), Scenario.SITE, Scenario.FIRM, "r2", new StateSamples(samples)));
        for (int i = 0; i < 3; i++) {
            events.add(new TrackEvent(Scenario.at(60 + i), Scenario.SITE, Scenario.FIRM, "r2",
                    new dev.provingground.trackrecord.event.Intervention(
                            dev.provingground.trackrecord.event.Intervention.Kind.TELEOP, "stuck", 5)));
        }

        Metric rate = Kpis.compute(events, KpiScope.all(), registered).require("interventions.per_1000_km");

        assertThat(rate.value()).isEqualByComparingTo("1500");
        assertThat(rate.basis().note()).isNull();
        assertThat(rate.basis().ciLow()).isLessThan(rate.value());
        assertThat(rate.basis().ciHigh()).isGreaterThan(rate.value());
    }

    @Test
    void outdoorDrivingFasterThanTheSpeedClassCapCountsAgainstCompliance() {
        // r1 is in the 15 km/h class: 10 s at 3 m/s (10.8 km/h) then 10 s at 5 m/s (18 km/h), on the sidewalk.
        List<StateSamples.Sample> samples = List.of(
                new StateSamples.Sample(Scenario.at(0), "L1", 0, 0, 3, OperatingMode.AUTOMATIC, AreaClass.SIDEWALK, null),
                new StateSamples.Sample(Scenario.at(10), "L1", 30, 0, 5, OperatingMode.AUTOMATIC, AreaClass.SIDEWALK, null),
                new StateSamples.Sample(Scenario.at(20), "L1", 80, 0, 5, OperatingMode.AUTOMATIC, AreaClass.SIDEWALK, null));
        TrackEvent drive = new TrackEvent(Scenario.at(0), Scenario.SITE, Scenario.FIRM, "r1", new StateSamples(samples));

        Metric compliance = Kpis.compute(List.of(drive), KpiScope.all(), registered).require("speed.outdoor_compliance");

        assertThat(compliance.value()).isEqualByComparingTo("0.5");
        assertThat(compliance.basis().numerator()).isEqualByComparingTo("10");
        assertThat(compliance.basis().denominator()).isEqualByComparingTo("20");
        assertThat(compliance.basis().sampleSize()).isEqualTo(2);
    }

    @Test
    void aMissionThatFailsBeforeItsFirstStopStillCountsAsStartedSoTheCountsAddUp() {
        // The server records STARTED only once the first stop is done; a task failing on its way there was assigned.
        List<TrackEvent> events = new ArrayList<>();
        for (String id : List.of("a", "b", "c", "d", "e")) {
            events.add(task(1, id, TaskLifecycle.Phase.ASSIGNED));
        }
        for (String id : List.of("a", "b", "c")) {
            events.add(task(2, id, TaskLifecycle.Phase.STARTED));
            events.add(task(3, id, TaskLifecycle.Phase.COMPLETED));
        }
        events.add(task(4, "d", TaskLifecycle.Phase.FAILED));
        events.add(task(5, "queued-only", TaskLifecycle.Phase.CANCELLED));

        KpiReport report = Kpis.compute(events, KpiScope.all(), registered);

        assertValues(report, Map.of("missions.started", "5", "missions.completed", "3", "missions.failed", "1",
                "missions.cancelled", "0", "missions.running", "1", "missions.ended_unstarted", "1"));
        assertThat(KpiInvariants.problems(report)).isEmpty();
    }

    @Test
    void ratesOverNothingAreUndefinedRatherThanZero() {
        KpiReport report = Kpis.compute(List.of(), KpiScope.all());

        assertThat(report.value("interventions.per_1000_km")).isNull();
        assertThat(report.require("interventions.per_1000_km").basis().note()).startsWith("undefined");
        assertThat(report.value("missions.success_rate")).isNull();
        assertThat(report.value("reliability.availability")).isNull();
        assertThat(report.value("distance.total_km")).isEqualByComparingTo("0");
    }

    @Test
    void theJsonFileReadsBackToTheSameKpisWithTheirBasisAndTheCsvHasOneRowPerMetric() {
        KpiScope scope = new KpiScope(Scenario.at(0), Scenario.at(800), Set.of("r1", "r2"));
        KpiReport report = Kpis.compute(morning, scope, registered);

        KpiReport reread = KpiFiles.parseJson(KpiFiles.json(report));
        String[] csv = new String(KpiFiles.csv(report), StandardCharsets.UTF_8).split("\n");

        assertThat(reread.version()).isEqualTo(3);
        assertThat(reread.scope()).isEqualTo(scope);
        assertThat(reread.metrics()).hasSameSizeAs(report.metrics());
        for (int i = 0; i < report.metrics().size(); i++) {
            Metric want = report.metrics().get(i);
            Metric got = reread.metrics().get(i);
            assertThat(got.name()).isEqualTo(want.name());
            assertThat(got.valueText()).isEqualTo(want.valueText());
            assertThat(got.basis() == null).as(want.name()).isEqualTo(want.basis() == null);
        }
        assertThat(csv[0]).isEqualTo("metric,unit,value,numerator,denominator,sample_size,ci95_low,ci95_high,note");
        assertThat(csv).hasSize(report.metrics().size() + 1)
                .contains("distance.total_km,km,0.105,,,,,,", "missions.success_rate,ratio,0.666667,2,3,3,,,");
    }

    private static TrackEvent task(int seconds, String id, TaskLifecycle.Phase phase) {
        return new TrackEvent(Scenario.at(seconds), Scenario.SITE, Scenario.FIRM, "r1",
                new TaskLifecycle(id, phase, "delivery", null));
    }
}
