package dev.provingground.server.enforcement;

import dev.provingground.trackrecord.event.Overspeed;

import java.util.HashMap;
import java.util.Map;

/**
 * For each robot's open speed violation, the highest speed each source showed: the velocity the robot reported and
 * the speed the server computed from its positions. When the episode ends they say which source exceeded the limit.
 * A missing reading is no reading, never a speed of 0.
 */
final class SpeedEpisodes {

    /** One evaluated position's two speeds, m/s; null where the source had none. */
    record Reading(Double reported, Double computed) {

        /** The speed judged against the limit: the higher of the two, 0 only when neither is known. */
        double judged() {
            return Math.max(reported == null ? 0 : reported, computed == null ? 0 : computed);
        }
    }

    private static final class Episode {
        Double maxReported;
        Double maxComputed;

        void add(Reading reading) {
            if (reading.reported() != null) maxReported = max(maxReported, reading.reported());
            if (reading.computed() != null) maxComputed = max(maxComputed, reading.computed());
        }

        private static Double max(Double a, double b) {
            return a == null ? b : Math.max(a, b);
        }
    }

    private final Map<String, Episode> open = new HashMap<>();

    void started(String robot) {
        open.put(robot, new Episode());
    }

    /** A reading taken while the robot's episode is open (the one that started it included). */
    void seen(String robot, Reading reading) {
        Episode episode = open.get(robot);
        if (episode != null) episode.add(reading);
    }

    /** Closes the robot's episode; the overspeed names the sources above {@code limit} and their highest speeds. */
    Overspeed ended(String robot, String zone, double limit, double maxSpeed, double durationSeconds) {
        Episode episode = open.remove(robot);
        if (episode == null) episode = new Episode();
        boolean reportedOver = episode.maxReported != null && episode.maxReported > limit;
        boolean computedOver = episode.maxComputed != null && episode.maxComputed > limit;
        Overspeed.Source source = reportedOver && computedOver ? Overspeed.Source.BOTH
                : computedOver ? Overspeed.Source.COMPUTED : reportedOver ? Overspeed.Source.REPORTED : null;
        return new Overspeed(zone, limit, maxSpeed, durationSeconds, source, episode.maxComputed, episode.maxReported);
    }
}
