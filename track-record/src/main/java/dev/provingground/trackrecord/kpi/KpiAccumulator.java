package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.context.RobotRegistration;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.EmergencyStop;
import dev.provingground.trackrecord.event.GeofenceTransition;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.Intervention;
import dev.provingground.trackrecord.event.Overspeed;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.TrackEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Folds events, in log order, into the KPIs of format version 3 (docs/KPIS.md), or of version 2 for bundles exported
 * before (the same without the elevator refusal metrics). Everything is derived from the events
 * alone — the robots' speed classes from their registration events — so a verifier holding the same leaves computes
 * the same numbers. The metrics come from {@link KpiSection}s, reported in the order listed here.
 */
public final class KpiAccumulator implements KpiFold {

    /** Largest coordinate of a sample that counts toward distance, in metres. */
    static final double MAX_COORDINATE = 1e6;

    /** Two consecutive samples further apart than this are not joined into travelled distance or operating time. */
    public static final Duration MAX_SAMPLE_GAP = Duration.ofSeconds(60);

    private final int version;
    private final KpiScope scope;
    private final Travel travel;
    private final List<KpiSection> sections;
    private long events;

    /**
     * @param registrations each robot's registration as the log tells it so far, or {@code null} when it holds none
     *                      (see {@code ContextAccumulator#registration})
     */
    public KpiAccumulator(KpiScope scope, Function<String, RobotRegistration> registrations) {
        this(scope, registrations, KpiFiles.VERSION);
    }

    /** @param version {@link KpiFiles#VERSION}, or 2 for the metrics of version 2 bundles */
    KpiAccumulator(KpiScope scope, Function<String, RobotRegistration> registrations, int version) {
        if (version != 2 && version != KpiFiles.VERSION) {
            throw new IllegalArgumentException("KpiAccumulator computes KPI versions 2 and " + KpiFiles.VERSION);
        }
        this.version = version;
        this.scope = scope;
        this.travel = new Travel(registrations);
        Missions missions = new Missions();
        this.sections = List.of(
                travel,
                CountedEvents.countOnly("link.lost", e -> e.body() instanceof RobotLink l
                        && l.state() == RobotLink.State.LINK_LOST ? "" : null),
                missions,
                new CountedEvents("interventions", e -> e.body() instanceof Intervention i ? lower(i.kind()) : null,
                        "kind", names(Intervention.Kind.values())),
                new CountedEvents("estops", e -> e.body() instanceof EmergencyStop s
                        && s.phase() == EmergencyStop.Phase.TRIGGERED ? lower(s.source()) : null,
                        "source", names(EmergencyStop.Source.values())),
                new CountedEvents("geofence.violations", e -> e.body() instanceof GeofenceTransition g
                        && g.transition() == GeofenceTransition.Transition.VIOLATION ? "" : null, null, List.of()),
                new CountedEvents("overspeed", e -> e.body() instanceof Overspeed ? "" : null, null, List.of()),
                new CountedEvents("incidents", e -> e.body() instanceof Incident i ? lower(i.severity()) : null,
                        "severity", names(Incident.Severity.values())),
                new ElevatorsAndLamps(version >= 3),
                CountedEvents.countOnly("config.changes", e -> e.body() instanceof ConfigurationChange ? "" : null),
                new Reliability(missions::failed),
                new RecordQuality(travel));
    }

    /** Counts the event if it is in scope; call in log order. */
    @Override
    public void accept(TrackEvent event) {
        if (!scope.includes(event)) return;
        events++;
        for (KpiSection section : sections) section.accept(event);
    }

    @Override
    public KpiReport report() {
        MetricList out = new MetricList();
        Exposure exposure = travel.exposure();
        out.count("events.count", events);
        for (KpiSection section : sections) section.report(exposure, out);
        return new KpiReport(version, scope, events, out.metrics());
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(KpiAccumulator::lower).toList();
    }
}
