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
import java.util.Map;

/**
 * What the KPIs were computed over and what the server measured against the robots' word (docs/KPIS.md, "Coverage
 * and measured figures"): unexplained displacement and position jumps, the span each robot was on record and the
 * share of it covered by joined samples, link outages and clock-skew episodes.
 */
final class RecordQuality implements KpiSection {

    private final Travel travel;
    private long jumps;
    private final Map<String, Instant[]> spans = new HashMap<>();
    private long restored;
    private double outageSeconds;
    private double longestOutageSeconds;
    private long skewEpisodes;

    RecordQuality(Travel travel) {
        this.travel = travel;
    }

    @Override
    public void accept(TrackEvent event) {
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

    private void span(String robot, Instant time) {
        Instant[] span = spans.computeIfAbsent(robot, r -> new Instant[] {time, time});
        if (time.isBefore(span[0])) span[0] = time;
        if (time.isAfter(span[1])) span[1] = time;
    }

    @Override
    public void report(Exposure exposure, MetricList out) {
        double spanSeconds = spans.values().stream()
                .mapToDouble(s -> Duration.between(s[0], s[1]).toMillis() / 1000.0).sum();
        out.measure("distance.unexplained_km", "km", travel.unexplainedKm());
        out.count("position.jumps", jumps);
        out.measure("coverage.span_hours", "h", spanSeconds / 3600);
        out.share("coverage.sampled_share", "ratio", exposure.hours() * 3600, spanSeconds,
                spans.size()); // over the robots on record
        out.count("link.restored", restored);
        out.measure("link.outage_hours", "h", outageSeconds / 3600);
        out.measure("link.longest_outage_hours", "h", longestOutageSeconds / 3600);
        out.count("clock.skew_episodes", skewEpisodes);
    }
}
