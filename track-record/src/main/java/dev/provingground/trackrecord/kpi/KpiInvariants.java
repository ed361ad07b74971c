package dev.provingground.trackrecord.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What must add up in a KPI report of version 2 or later: missions started = completed + failed + cancelled + still
 * running; every total = the sum of its breakdown (interventions by kind, e-stops by source, incidents by severity,
 * rides robot-only + shared, refused rides by rule from version 3 on, distance and hours by mode, area and speed
 * class, up to rounding). Tests assert it over every bundle they produce; a reviewer can run it over any report.
 */
public final class KpiInvariants {

    /** Six decimals each, so a sum of a handful of rounded parts may differ from the rounded total by this much. */
    private static final BigDecimal ROUNDING = new BigDecimal("0.00005");

    private KpiInvariants() {
    }

    /** Every way the report does not add up, each naming the figures; empty when it does. */
    public static List<String> problems(KpiReport report) {
        List<String> problems = new ArrayList<>();
        sum(report, "missions.started", List.of("missions.completed", "missions.failed", "missions.cancelled",
                "missions.running"), problems);
        sumOfPrefix(report, "interventions.count", "interventions.kind.", problems);
        sumOfPrefix(report, "estops.count", "estops.source.", problems);
        sumOfPrefix(report, "incidents.count", "incidents.severity.", problems);
        sum(report, "elevator.rides", List.of("elevator.rides_robot_only", "elevator.rides_with_passengers"), problems);
        if (report.metric("elevator.refusals").isPresent()) {
            sumOfPrefix(report, "elevator.refusals", "elevator.refusals.rule.", problems);
        }
        sumOfPrefix(report, "distance.total_km", "distance.mode.", problems);
        sumOfPrefix(report, "distance.total_km", "distance.area.", problems);
        sumOfPrefix(report, "distance.total_km", "distance.speed_class.", problems);
        sumOfPrefix(report, "operating.hours", "operating.area.", problems);
        sumOfPrefix(report, "operating.hours", "operating.speed_class.", problems);
        return problems;
    }

    private static void sumOfPrefix(KpiReport report, String total, String prefix, List<String> problems) {
        sum(report, total, report.metrics().stream().map(Metric::name).filter(n -> n.startsWith(prefix)).toList(),
                problems);
    }

    private static void sum(KpiReport report, String total, List<String> parts, List<String> problems) {
        BigDecimal want = report.value(total);
        BigDecimal got = BigDecimal.ZERO;
        StringBuilder terms = new StringBuilder();
        for (String part : parts) {
            BigDecimal value = report.value(part);
            got = got.add(value);
            terms.append(terms.isEmpty() ? "" : " + ").append(part).append(' ').append(value.toPlainString());
        }
        boolean exact = report.require(total).unit().equals("count");
        BigDecimal tolerance = exact ? BigDecimal.ZERO : ROUNDING.multiply(BigDecimal.valueOf(parts.size() + 1));
        if (want.subtract(got).abs().compareTo(tolerance) > 0) {
            problems.add(total + " " + want.toPlainString() + " is not " + terms + " = " + got.toPlainString());
        }
    }
}
