package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.ElevatorRide;
import dev.provingground.trackrecord.event.EventBody;
import dev.provingground.trackrecord.event.EmergencyStop;
import dev.provingground.trackrecord.event.GeofenceTransition;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.Overspeed;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TaskLifecycle;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.event.UvcLamp;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of format version 1 (docs/KPIS.md, "Version 1"), kept unchanged so that bundles exported before version 2
 * still verify: folds events, in log order, into the values alone. New bundles use {@link KpiAccumulator}.
 */
public final class KpiAccumulatorV1 implements KpiFold {

    /** Two consecutive samples further apart than this are not joined into travelled distance or operating time. */
    public static final Duration MAX_SAMPLE_GAP = Duration.ofSeconds(60);
    private static final int DECIMALS = 6;

    private final KpiScope scope;
    private final Map<String, SampleChain> chains = new HashMap<>();
    private long events;
    private double metres;
    private final Map<StateSamples.OperatingMode, Double> metresByMode = new EnumMap<>(StateSamples.OperatingMode.class);
    private final Map<StateSamples.AreaClass, Double> metresByArea = new EnumMap<>(StateSamples.AreaClass.class);
    private double operatingSeconds;
    private long linkLost;
    private final Map<TaskLifecycle.Phase, Long> tasks = new EnumMap<>(TaskLifecycle.Phase.class);
    private final Map<Intervention.Kind, Long> interventions = new EnumMap<>(Intervention.Kind.class);
    private double interventionSeconds;
    private final Map<EmergencyStop.Source, Long> estops = new EnumMap<>(EmergencyStop.Source.class);
    private long violations;
    private long overspeeds;
    private final Map<Incident.Severity, Long> incidents = new EnumMap<>(Incident.Severity.class);
    private long ridesRobotOnly;
    private long ridesWithPassengers;
    private long rideFailures;
    private double lampSeconds;
    private double doseJPerM2;
    private long interlockTrips;
    private long configurationChanges;

    public KpiAccumulatorV1(KpiScope scope) {
        this.scope = scope;
    }

    /** Counts the event if it is in scope; call in log order. */
    @Override
    public void accept(TrackEvent event) {
        if (!scope.includes(event)) {
            return;
        }
        events++;
        EventBody body = event.body();
        if (body instanceof StateSamples samples) {
            travel(event.robot(), samples);
        } else if (body instanceof RobotLink link) {
            if (link.state() == RobotLink.State.LINK_LOST) {
                linkLost++;
            }
        } else if (body instanceof TaskLifecycle task) {
            tasks.merge(task.phase(), 1L, Long::sum);
        } else if (body instanceof Intervention intervention) {
            interventions.merge(intervention.kind(), 1L, Long::sum);
            interventionSeconds += intervention.resolveSeconds();
        } else if (body instanceof EmergencyStop stop) {
            if (stop.phase() == EmergencyStop.Phase.TRIGGERED) {
                estops.merge(stop.source(), 1L, Long::sum);
            }
        } else if (body instanceof GeofenceTransition geofence) {
            if (geofence.transition() == GeofenceTransition.Transition.VIOLATION) {
                violations++;
            }
        } else if (body instanceof Overspeed) {
            overspeeds++;
        } else if (body instanceof Incident incident) {
            incidents.merge(incident.severity(), 1L, Long::sum);
        } else if (body instanceof ElevatorRide ride) {
            if (ride.withPassengers()) {
                ridesWithPassengers++;
            } else {
                ridesRobotOnly++;
            }
            if (ride.outcome() == ElevatorRide.Outcome.FAILED) {
                rideFailures++;
            }
        } else if (body instanceof UvcLamp lamp) {
            if (lamp.phase() == UvcLamp.Phase.OFF) {
                lampSeconds += lamp.onSeconds();
                doseJPerM2 += lamp.doseJPerM2() == null ? 0 : lamp.doseJPerM2();
                if (lamp.cause() == UvcLamp.Cause.INTERLOCK) {
                    interlockTrips++;
                }
            }
        } else if (body instanceof ConfigurationChange) {
            configurationChanges++;
        }
    }

    /**
     * Joins each sample to the robot's previous in-scope sample when both are on the same map and 0 &lt; Δt ≤
     * {@link #MAX_SAMPLE_GAP}: the straight-line distance counts toward the earlier sample's mode and area, Δt toward
     * operating time. A live sample not later than the previous one is ignored. Late samples (a backfill) go between
     * their neighbours in time: the join across the gap they fill is taken back and the joins through them counted.
     */
    private void travel(String robot, StateSamples samples) {
        SampleChain chain = chains.computeIfAbsent(robot, r -> new SampleChain());
        for (StateSamples.Sample sample : samples.samples()) {
            if (samples.fromBackfill()) chain.late(sample, this::join);
            else chain.live(sample, this::join);
        }
    }

    private void join(StateSamples.Sample previous, StateSamples.Sample sample, int sign) {
        if (!previous.mapId().equals(sample.mapId())) return;
        Duration gap = Duration.between(previous.time(), sample.time());
        if (gap.isNegative() || gap.isZero() || gap.compareTo(MAX_SAMPLE_GAP) > 0) return;
        double step = sign * Math.hypot(sample.x() - previous.x(), sample.y() - previous.y());
        metres += step;
        metresByMode.merge(previous.mode(), step, Double::sum);
        metresByArea.merge(previous.area(), step, Double::sum);
        operatingSeconds += sign * gap.toMillis() / 1000.0;
    }

    @Override
    public KpiReport report() {
        List<Metric> out = new ArrayList<>();
        double km = metres / 1000;
        double hours = operatingSeconds / 3600;
        long interventionCount = sum(interventions);
        out.add(count("events.count", events));
        out.add(measure("distance.total_km", "km", km));
        for (StateSamples.OperatingMode mode : StateSamples.OperatingMode.values()) {
            out.add(measure("distance.mode." + mode.name().toLowerCase() + "_km", "km",
                    metresByMode.getOrDefault(mode, 0.0) / 1000));
        }
        for (StateSamples.AreaClass area : StateSamples.AreaClass.values()) {
            out.add(measure("distance.area." + area.name().toLowerCase() + "_km", "km",
                    metresByArea.getOrDefault(area, 0.0) / 1000));
        }
        out.add(measure("operating.hours", "h", hours));
        out.add(count("link.lost", linkLost));
        long started = tasks.getOrDefault(TaskLifecycle.Phase.STARTED, 0L);
        long completed = tasks.getOrDefault(TaskLifecycle.Phase.COMPLETED, 0L);
        long failed = tasks.getOrDefault(TaskLifecycle.Phase.FAILED, 0L);
        out.add(count("missions.started", started));
        out.add(count("missions.completed", completed));
        out.add(count("missions.failed", failed));
        out.add(count("missions.cancelled", tasks.getOrDefault(TaskLifecycle.Phase.CANCELLED, 0L)));
        out.add(ratio("missions.success_rate", "ratio", completed, completed + failed));
        out.add(count("interventions.count", interventionCount));
        for (Intervention.Kind kind : Intervention.Kind.values()) {
            out.add(count("interventions.kind." + kind.name().toLowerCase(), interventions.getOrDefault(kind, 0L)));
        }
        out.add(ratio("interventions.per_1000_km", "1/1000km", interventionCount * 1000.0, km));
        out.add(ratio("interventions.per_hour", "1/h", interventionCount, hours));
        out.add(ratio("interventions.mean_km_between", "km", km, interventionCount));
        out.add(count("estops.count", sum(estops)));
        for (EmergencyStop.Source source : EmergencyStop.Source.values()) {
            out.add(count("estops.source." + source.name().toLowerCase(), estops.getOrDefault(source, 0L)));
        }
        out.add(count("geofence.violations", violations));
        out.add(ratio("geofence.violations_per_1000_km", "1/1000km", violations * 1000.0, km));
        out.add(count("overspeed.count", overspeeds));
        out.add(ratio("overspeed.per_1000_km", "1/1000km", overspeeds * 1000.0, km));
        out.add(count("incidents.count", sum(incidents)));
        for (Incident.Severity severity : Incident.Severity.values()) {
            out.add(count("incidents.severity." + severity.name().toLowerCase(), incidents.getOrDefault(severity, 0L)));
        }
        out.add(count("elevator.rides", ridesRobotOnly + ridesWithPassengers));
        out.add(count("elevator.rides_robot_only", ridesRobotOnly));
        out.add(count("elevator.rides_with_passengers", ridesWithPassengers));
        out.add(count("elevator.failures", rideFailures));
        out.add(measure("uvc.lamp_hours", "h", lampSeconds / 3600));
        out.add(measure("uvc.dose_j_per_m2", "J/m2", doseJPerM2));
        out.add(count("uvc.interlock_trips", interlockTrips));
        out.add(count("config.changes", configurationChanges));
        double upSeconds = Math.max(0, operatingSeconds - interventionSeconds);
        out.add(count("reliability.failures", interventionCount));
        out.add(ratio("reliability.mtbf_hours", "h", upSeconds / 3600, interventionCount));
        out.add(ratio("reliability.mttr_hours", "h", interventionSeconds / 3600, interventionCount));
        out.add(ratio("reliability.availability", "ratio", upSeconds, operatingSeconds));
        return new KpiReport(1, scope, events, out);
    }

    private static <K> long sum(Map<K, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Metric count(String name, long value) {
        return Metric.of(name, "count", BigDecimal.valueOf(value));
    }

    private static Metric measure(String name, String unit, double value) {
        return Metric.of(name, unit, decimal(value));
    }

    /** {@code numerator / denominator}, undefined when the denominator is zero. */
    private static Metric ratio(String name, String unit, double numerator, double denominator) {
        return Metric.of(name, unit, denominator == 0 ? null : decimal(numerator / denominator));
    }

    private static BigDecimal decimal(double value) {
        BigDecimal rounded = new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
    }
}
