package dev.provingground.trackrecord.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.trackrecord.Scenario;
import dev.provingground.trackrecord.event.ElevatorRefusal;
import dev.provingground.trackrecord.event.ElevatorRide;
import dev.provingground.trackrecord.event.TrackEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rides the server refused are counted by the rule that refused them, apart from the rides taken. */
class ElevatorRefusalKpisTest {

    private final List<TrackEvent> events = List.of(
            refusal(ElevatorRefusal.Rule.OUTSIDE_SERVICE_HOURS),
            refusal(ElevatorRefusal.Rule.OUTSIDE_SERVICE_HOURS),
            refusal(ElevatorRefusal.Rule.KIND_NOT_ALLOWED),
            new TrackEvent(Scenario.at(30), "site-a", "acme", "r1", new ElevatorRide("E2-A", "L2", "L1", 12, 20, false,
                    ElevatorRide.CarMode.AGV, ElevatorRide.Outcome.COMPLETED, null)));

    private static TrackEvent refusal(ElevatorRefusal.Rule rule) {
        return new TrackEvent(Scenario.at(10), "site-a", "acme", "r1", new ElevatorRefusal("E2", "L2", "L1", rule,
                "refused by " + rule));
    }

    @Test
    void refusedRidesAreCountedByTheirRuleAndNotAsRides() {
        KpiReport report = Kpis.compute(events, KpiScope.all());

        assertThat(report.value("elevator.refusals")).isEqualByComparingTo("3");
        assertThat(report.value("elevator.refusals.rule.outside_service_hours")).isEqualByComparingTo("2");
        assertThat(report.value("elevator.refusals.rule.kind_not_allowed")).isEqualByComparingTo("1");
        assertThat(report.value("elevator.refusals.rule.floor_not_served")).isEqualByComparingTo("0");
        assertThat(report.value("elevator.rides")).isEqualByComparingTo("1");
        assertThat(KpiInvariants.problems(report)).isEmpty();
    }

    @Test
    void aRefusalsTotalThatIsNotTheSumOfItsRulesIsNamed() {
        KpiReport report = Kpis.compute(events, KpiScope.all());
        List<Metric> forged = report.metrics().stream().map(m -> m.name().equals("elevator.refusals.rule.kind_not_allowed")
                ? new Metric(m.name(), m.unit(), java.math.BigDecimal.ZERO, m.basis()) : m).toList();

        assertThat(KpiInvariants.problems(new KpiReport(report.version(), report.scope(), report.eventsInScope(), forged)))
                .singleElement().asString().startsWith("elevator.refusals 3 is not");
    }

    @Test
    void versionTwoKpisHaveNoRefusalMetricsSoBundlesExportedThenStillMatch() {
        KpiFold v2 = KpiVersions.fold(2, KpiScope.all(), robot -> null);
        events.forEach(v2::accept);

        KpiReport report = v2.report();

        assertThat(report.version()).isEqualTo(2);
        assertThat(report.metrics()).noneMatch(m -> m.name().startsWith("elevator.refusals"));
        assertThat(report.metrics()).hasSize(Kpis.compute(events, KpiScope.all()).metrics().size() - 4);
        assertThat(KpiInvariants.problems(report)).isEmpty();
    }
}
