package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.ElevatorRefusal;
import dev.provingground.trackrecord.event.ElevatorRide;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.event.UvcLamp;
import java.util.EnumMap;
import java.util.Map;

/** Elevator rides (robot-only or shared, failed), rides refused, and UV-C lamp time, dose and interlock trips. */
final class ElevatorsAndLamps implements KpiSection {

    private final boolean countsRefusals;
    private final Map<ElevatorRefusal.Rule, Long> refusals = new EnumMap<>(ElevatorRefusal.Rule.class);
    private long ridesRobotOnly;
    private long ridesShared;
    private long rideFailures;
    private double lampSeconds;
    private double doseJPerM2;
    private long interlockTrips;
    private long lampOffs;

    /** @param countsRefusals whether to report the refusal metrics (KPI version 3 on; version 2 had none) */
    ElevatorsAndLamps(boolean countsRefusals) {
        this.countsRefusals = countsRefusals;
        for (ElevatorRefusal.Rule rule : ElevatorRefusal.Rule.values()) refusals.put(rule, 0L);
    }

    @Override
    public void accept(TrackEvent event) {
        if (event.body() instanceof ElevatorRide ride) {
            if (ride.withPassengers()) ridesShared++;
            else ridesRobotOnly++;
            if (ride.outcome() == ElevatorRide.Outcome.FAILED) rideFailures++;
        } else if (event.body() instanceof ElevatorRefusal refusal) {
            refusals.merge(refusal.rule(), 1L, Long::sum);
        } else if (event.body() instanceof UvcLamp lamp && lamp.phase() == UvcLamp.Phase.OFF) {
            lampOffs++;
            lampSeconds += lamp.onSeconds();
            doseJPerM2 += lamp.doseJPerM2() == null ? 0 : lamp.doseJPerM2();
            if (lamp.cause() == UvcLamp.Cause.INTERLOCK) interlockTrips++;
        }
    }

    @Override
    public void report(Exposure exposure, MetricList out) {
        long rides = ridesRobotOnly + ridesShared;
        out.count("elevator.rides", rides);
        out.count("elevator.rides_robot_only", ridesRobotOnly);
        out.count("elevator.rides_with_passengers", ridesShared);
        out.count("elevator.failures", rideFailures);
        out.share("elevator.failure_rate", "ratio", rideFailures, rides, rides);
        if (countsRefusals) {
            out.count("elevator.refusals", refusals.values().stream().mapToLong(Long::longValue).sum());
            refusals.forEach((rule, n) -> out.count("elevator.refusals.rule." + KpiAccumulator.lower(rule), n));
        }
        out.measure("uvc.lamp_hours", "h", lampSeconds / 3600);
        out.measure("uvc.dose_j_per_m2", "J/m2", doseJPerM2);
        out.count("uvc.interlock_trips", interlockTrips);
        out.share("uvc.interlock_trip_rate", "ratio", interlockTrips, lampOffs, lampOffs);
    }
}
