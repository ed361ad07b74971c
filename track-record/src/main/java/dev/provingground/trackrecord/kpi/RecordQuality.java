package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.ClockSkew;
import dev.provingground.trackrecord.event.EventBody;
import dev.provingground.trackrecord.event.PositionJump;
import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.StateSamples;
import dev.provingground.trackrecord.event.TrackEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the KPIs were computed over and what the server measured against the robots' word (docs/KPIS.md, "Coverage
 * and measured figures"): unexplained displacement and position jumps, the span each robot was on record and the
 * share of it covered by joined samples, link outages and clock-skew episodes.
 */
final class RecordQuality {

    /** The metrics this class adds; bundles whose {@code kpis.json} is version 1 were exported before they existed. */
    static final Set<String> NAMES = Set.of("distance.unexplained_km", "position.jumps", "coverage.span_hours",
            "coverage.sampled_share", "link.restored", "link.outage_hours", "link.longest_outage_hours",
            "clock.skew_episodes");

    private double unexplainedMetres;
    private long jumps;
    private final Map<String, Instant[]> spans = new HashMap<>();
    private long restored;
    private double outageSeconds;
    private double longestOutageSeconds;
    private long skewEpisodes;

    /** An in-scope event. */
    void accept(TrackEvent event) {
        EventBody body = event.body();
        if (body instanceof StateSamples samples) {
            for (StateSamples.Sample sample : samples.samples()) span(event.robot(), sample.time());
        } else if (body instanceof PositionJump) {
            jumps++;
        } else if (body instanceof RobotLink link && link.outageSeconds() != null) {
            restored++;
            outageSeconds += link.outageSeconds();
            longestOutageSeconds = Math.max(longestOutageSeconds, link.outageSeconds());
        } else if (body instanceof ClockSkew skew && skew.phase() == ClockSkew.Phase.STARTED) {
            skewEpisodes++;
        }
    }

    /** A joined step that ended in a sample marked as a jump: displacement, not distance ({@code sign} as joins). */
    void unexplained(double metres) {
        unexplainedMetres += metres;
    }

    private void span(String robot, Instant time) {
        Instant[] span = spans.computeIfAbsent(robot, r -> new Instant[] {time, time});
        if (time.isBefore(span[0])) span[0] = time;
        if (time.isAfter(span[1])) span[1] = time;
    }

    /** @param operatingSeconds the joined sample time (operating.hours × 3600) */
    List<Metric> metrics(double operatingSeconds) {
        double spanSeconds = spans.values().stream()
                .mapToDouble(s -> Duration.between(s[0], s[1]).toMillis() / 1000.0).sum();
        return List.of(
                KpiAccumulator.measure("distance.unexplained_km", "km", unexplainedMetres / 1000),
                KpiAccumulator.count("position.jumps", jumps),
                KpiAccumulator.measure("coverage.span_hours", "h", spanSeconds / 3600),
                KpiAccumulator.ratio("coverage.sampled_share", "ratio", operatingSeconds, spanSeconds),
                KpiAccumulator.count("link.restored", restored),
                KpiAccumulator.measure("link.outage_hours", "h", outageSeconds / 3600),
                KpiAccumulator.measure("link.longest_outage_hours", "h", longestOutageSeconds / 3600),
                KpiAccumulator.count("clock.skew_episodes", skewEpisodes));
    }
}
