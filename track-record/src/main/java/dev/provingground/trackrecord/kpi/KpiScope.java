package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.TrackEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which events KPIs are computed over: those whose {@code time} lies in {@code [from, to)} and, when {@code robots}
 * is not empty, that name one of those robots (events without a robot then fall outside).
 *
 * @param from   inclusive start, or {@code null} for no lower bound
 * @param to     exclusive end, or {@code null} for no upper bound
 * @param robots robots to count, empty for all
 */
public record KpiScope(Instant from, Instant to, Set<String> robots) {

    public KpiScope {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("period start " + from + " must be before its end " + to);
        }
        robots = robots == null ? Set.of() : Set.copyOf(new TreeSet<>(robots));
    }

    public static KpiScope all() {
        return new KpiScope(null, null, Set.of());
    }

    public boolean includes(TrackEvent event) {
        if (from != null && event.time().isBefore(from)) {
            return false;
        }
        if (to != null && !event.time().isBefore(to)) {
            return false;
        }
        return robots.isEmpty() || (event.robot() != null && robots.contains(event.robot()));
    }

    public boolean includesTime(Instant time) {
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }

    /** Robots in a stable order, for files and summaries. */
    public List<String> sortedRobots() {
        return robots.stream().sorted().toList();
    }
}
