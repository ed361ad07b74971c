package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.context.RobotRegistration;
import dev.provingground.trackrecord.event.TrackEvent;
import java.util.function.Function;

/** KPIs over a list of events; see {@link KpiAccumulator} and docs/KPIS.md. */
public final class Kpis {

    private Kpis() {
    }

    /** Events must be in log order (travelled distance joins consecutive samples); no robot counts as registered. */
    public static KpiReport compute(Iterable<TrackEvent> events, KpiScope scope) {
        return compute(events, scope, robot -> null);
    }

    public static KpiReport compute(Iterable<TrackEvent> events, KpiScope scope,
                                    Function<String, RobotRegistration> registrations) {
        KpiAccumulator accumulator = new KpiAccumulator(scope, registrations);
        for (TrackEvent event : events) {
            accumulator.accept(event);
        }
        return accumulator.report();
    }
}
