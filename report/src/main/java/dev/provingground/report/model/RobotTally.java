package dev.provingground.report.model;

import dev.provingground.trackrecord.event.EventBody;
import dev.provingground.trackrecord.event.GeofenceTransition;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.Overspeed;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.kpi.KpiAccumulator;
import dev.provingground.trackrecord.kpi.KpiScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Counts one robot's events. Its distance and hours come from a {@link KpiAccumulator} scoped to the robot, so they
 * follow the KPI rules exactly (joins, gaps, late samples); the distance per day is what that accumulator added while
 * the events of each UTC day went in, so the days add up to the robot's total.
 */
final class RobotTally {

    private static final String DISTANCE = "distance.total_km";

    private final String robot;
    private final KpiAccumulator kpis;
    private LocalDate day;
    private BigDecimal kmAtDayStart = BigDecimal.ZERO;
    private long events;
    private long interventions;
    private long incidents;
    private long violations;
    private long overspeeds;
    private long linkLosses;
    private double maxSpeed = -1;

    RobotTally(String robot, KpiScope bundleScope) {
        this.robot = robot;
        // The tally reads distance and hours only, which do not depend on the robot's registration (its speed class
        // matters to the class and compliance metrics, which the bundle's own kpis.json carries).
        this.kpis = new KpiAccumulator(new KpiScope(bundleScope.from(), bundleScope.to(), Set.of(robot)), r -> null);
    }

    /** Counts an event in the bundle's scope; closes the previous day into {@code distancePerDay} when the day changes. */
    void accept(TrackEvent event, DailySeries distancePerDay) {
        LocalDate eventDay = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        if (day == null) {
            day = eventDay;
        } else if (!day.equals(eventDay)) {
            closeDay(distancePerDay);
            day = eventDay;
        }
        kpis.accept(event);
        events++;
        EventBody body = event.body();
        if (body instanceof StateSamples samples) {
            for (StateSamples.Sample sample : samples.samples()) {
                maxSpeed = Math.max(maxSpeed, sample.speed());
            }
        } else if (body instanceof Intervention) {
            interventions++;
        } else if (body instanceof Incident) {
            incidents++;
        } else if (body instanceof GeofenceTransition geofence && geofence.transition() == GeofenceTransition.Transition.VIOLATION) {
            violations++;
        } else if (body instanceof Overspeed) {
            overspeeds++;
        } else if (body instanceof RobotLink link && link.state() == RobotLink.State.LINK_LOST) {
            linkLosses++;
        }
    }

    private void closeDay(DailySeries distancePerDay) {
        BigDecimal km = kpis.report().value(DISTANCE);
        distancePerDay.add(day, km.subtract(kmAtDayStart).doubleValue());
        kmAtDayStart = km;
    }

    RobotFigures figures(DailySeries distancePerDay) {
        if (day != null) {
            closeDay(distancePerDay);
            day = null;
        }
        var report = kpis.report();
        return new RobotFigures(robot, report.value(DISTANCE), report.value("operating.hours"), events, interventions,
                incidents, violations, overspeeds, linkLosses, maxSpeed < 0 ? null : maxSpeed);
    }
}
