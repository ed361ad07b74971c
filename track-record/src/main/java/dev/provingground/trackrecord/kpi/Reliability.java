package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.RobotError;
import dev.provingground.trackrecord.event.TrackEvent;
import java.util.function.LongSupplier;

/**
 * Mean distance and time between interventions and between failures, repair time and availability. A failure is a
 * mission that failed or a FATAL error the robot raised: either stops the robot's work.
 */
final class Reliability implements KpiSection {

    private final LongSupplier failedMissions;
    private long interventions;
    private double interventionSeconds;
    private long fatalErrors;

    Reliability(LongSupplier failedMissions) {
        this.failedMissions = failedMissions;
    }

    @Override
    public void accept(TrackEvent event) {
        if (event.body() instanceof Intervention intervention) {
            interventions++;
            interventionSeconds += intervention.resolveSeconds();
        } else if (event.body() instanceof RobotError error && error.phase() == RobotError.Phase.RAISED
                && error.level() == RobotError.Level.FATAL) {
            fatalErrors++;
        }
    }

    @Override
    public void report(Exposure exposure, MetricList out) {
        long failures = failedMissions.getAsLong() + fatalErrors;
        double operatingSeconds = exposure.hours() * 3600;
        double upHours = Math.max(0, operatingSeconds - interventionSeconds) / 3600;
        out.meanBetween("interventions.mean_km_between", "km", exposure.km(), interventions);
        out.meanBetween("interventions.mean_hours_between", "h", exposure.hours(), interventions);
        out.count("reliability.failures", failures);
        out.count("reliability.fatal_errors", fatalErrors);
        out.meanBetween("reliability.mean_km_between_failures", "km", exposure.km(), failures);
        out.meanBetween("reliability.mtbf_hours", "h", upHours, failures);
        out.meanBetween("reliability.mttr_hours", "h", interventionSeconds / 3600, interventions);
        out.share("reliability.availability", "ratio", upHours * 3600, operatingSeconds, interventions);
    }
}
