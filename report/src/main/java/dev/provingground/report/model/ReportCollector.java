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
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.verify.BundleFacts;
import dev.provingground.trackrecord.verify.BundleReading;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers a {@link ReportModel} while the verifier streams a bundle's events, so a report reads the events once and
 * holds aggregates, not events. Only events in the bundle's KPI scope count, so the lists and tables agree with the
 * KPIs. The model is to be used only when the verifier found the bundle valid.
 */
public final class ReportCollector implements BundleReading {

    /** The event type of a position the robot's profile cannot physically reach; listed whenever a bundle has it. */
    static final String POSITION_JUMP = "position.jump";
    /** Metres; a step between two samples longer than this is not drawn on the map as a path. */
    static final double LONGEST_DRAWN_STEP = 60;

    private BundleFacts facts;
    private KpiReport kpis;
    private final Map<String, RobotTally> robots = new TreeMap<>();
    private final Map<String, Integer> robotIndex = new HashMap<>();
    private final List<String> robotOrder = new ArrayList<>();
    private final DailySeries distancePerDay = new DailySeries();
    private final DailySeries interventionsPerDay = new DailySeries();
    private final SpeedHistogram speeds = new SpeedHistogram();
    private final Map<String, LevelTrack> levels = new TreeMap<>();
    private final Map<EventListKind, EventList> lists = new EnumMap<>(EventListKind.class);
    /** Per robot, the position in the link-loss list of a loss not yet followed by a reconnect. */
    private final Map<String, Integer> openLinkLosses = new HashMap<>();
    private final Map<String, StateSamples.Sample> lastSamples = new HashMap<>();
    private Instant firstInScope;
    private Instant asOf;

    public ReportCollector() {
        for (EventListKind kind : EventListKind.values()) {
            lists.put(kind, new EventList());
        }
    }

    @Override
    public void opened(BundleFacts facts) {
        this.facts = facts;
    }

    @Override
    public void event(long leafIndex, TrackEvent event) {
        if (asOf == null || event.time().isAfter(asOf)) {
            asOf = event.time();
        }
        if (!facts.scope().includes(event)) {
            return;
        }
        if (firstInScope == null || event.time().isBefore(firstInScope)) {
            firstInScope = event.time();
        }
        String robot = event.robot();
        int index = -1;
        if (robot != null) {
            index = robotIndex.computeIfAbsent(robot, r -> {
                robotOrder.add(r);
                return robotOrder.size() - 1;
            });
            robots.computeIfAbsent(robot, r -> new RobotTally(r, facts.scope())).accept(event, distancePerDay);
        }
        EventBody body = event.body();
        if (body instanceof StateSamples samples) {
            for (StateSamples.Sample sample : samples.samples()) {
                speeds.sample(sample.speed());
                track(robot, index, sample);
            }
        } else if (body instanceof Intervention intervention) {
            interventionsPerDay.add(LocalDate.ofInstant(event.time(), ZoneOffset.UTC), 1);
            list(EventListKind.INTERVENTIONS, leafIndex, event, EventDetails.of(intervention));
        } else if (body instanceof Incident incident) {
            list(EventListKind.INCIDENTS, leafIndex, event, EventDetails.of(incident));
        } else if (body instanceof GeofenceTransition geofence
                && geofence.transition() == GeofenceTransition.Transition.VIOLATION) {
            list(EventListKind.VIOLATIONS, leafIndex, event, EventDetails.of(geofence));
        } else if (body instanceof Overspeed overspeed) {
            speeds.cap(overspeed.limit());
            list(EventListKind.OVERSPEEDS, leafIndex, event, EventDetails.of(overspeed));
        } else if (body instanceof RobotLink link) {
            linkChange(leafIndex, event, link);
        } else if (event.type().typeName().equals(POSITION_JUMP)) {
            list(EventListKind.POSITION_JUMPS, leafIndex, event, EventDetails.fields(body));
        }
    }

    /**
     * Marks the sample on its level's map, with the line from the robot's previous sample when the KPIs would join
     * the two (same level, {@code 0 < Δt ≤} {@link KpiAccumulator#MAX_SAMPLE_GAP}) and it is no longer than
     * {@link #LONGEST_DRAWN_STEP}: a longer step is a jump, not a path, and is not drawn as one.
     */
    private void track(String robot, int index, StateSamples.Sample sample) {
        LevelTrack level = levels.computeIfAbsent(sample.mapId(), LevelTrack::new);
        StateSamples.Sample previous = lastSamples.put(robot, sample);
        if (previous != null && previous.mapId().equals(sample.mapId())) {
            Duration gap = Duration.between(previous.time(), sample.time());
            double length = Math.hypot(sample.x() - previous.x(), sample.y() - previous.y());
            if (!gap.isNegative() && !gap.isZero() && gap.compareTo(KpiAccumulator.MAX_SAMPLE_GAP) <= 0
                    && length <= LONGEST_DRAWN_STEP) {
                level.sample(previous.x(), previous.y(), sample.x(), sample.y(), index);
                return;
            }
        }
        level.sample(sample.x(), sample.y(), index);
    }

    private void linkChange(long leafIndex, TrackEvent event, RobotLink link) {
        if (link.state() == RobotLink.State.LINK_LOST) {
            int position = lists.get(EventListKind.LINK_LOSSES)
                    .add(new ListedEvent(leafIndex, event.time(), event.robot(), EventDetails.of(link), null));
            if (position >= 0) {
                openLinkLosses.put(event.robot(), position);
            }
        } else if (link.state() == RobotLink.State.CONNECTED) {
            Integer position = openLinkLosses.remove(event.robot());
            if (position != null) {
                EventList losses = lists.get(EventListKind.LINK_LOSSES);
                ListedEvent loss = losses.get(position);
                Duration lasted = Duration.between(loss.time(), event.time());
                losses.replace(position, new ListedEvent(loss.leafIndex(), loss.time(), loss.robot(), loss.details(),
                        lasted.isNegative() ? Duration.ZERO : lasted));
            }
        }
    }

    private void list(EventListKind kind, long leafIndex, TrackEvent event, String details) {
        lists.get(kind).add(new ListedEvent(leafIndex, event.time(), event.robot(), details, null));
    }

    @Override
    public void kpisVerified(KpiReport kpis) {
        this.kpis = kpis;
    }

    /**
     * The model; call once, after the verifier found the bundle valid.
     *
     * @throws IllegalStateException when the verifier did not get as far as the KPIs
     */
    public ReportModel model(String bundleSha256, String bundleFileName) {
        if (facts == null || kpis == null) {
            throw new IllegalStateException("the bundle was not verified to the end");
        }
        List<RobotFigures> figures = new ArrayList<>();
        robots.values().forEach(tally -> figures.add(tally.figures(distancePerDay)));
        return new ReportModel(facts, bundleSha256, bundleFileName, kpis, figures, List.copyOf(robotOrder),
                distancePerDay, interventionsPerDay, speeds, List.copyOf(levels.values()), Map.copyOf(lists), firstInScope, asOf);
    }
}
