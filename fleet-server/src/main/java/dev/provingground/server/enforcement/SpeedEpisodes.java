package dev.provingground.server.enforcement;

import dev.provingground.trackrecord.event.Overspeed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For each robot's open speed violation, the highest speed each source showed: the velocity the robot reported and
 * the speed the server computed from its positions. When the episode ends they say which source exceeded the limit.
 * A missing reading is no reading, never a speed of 0.
 */
final class SpeedEpisodes {

    /**
     * A computed speed is over a limit only when more than this share above it: positions are timed when they arrive,
     * and over the 2 s a speed is computed from ({@code MotionJudge.SPEED_BASELINE}) their jitter makes an error of
     * this order. The reported velocity has no such allowance beyond the geofence's own speed tolerance.
     */
    static final double COMPUTED_SPEED_TOLERANCE = 0.10;

    /** One evaluated position's two speeds, m/s; null where the source had none. */
    record Reading(Double reported, Double computed) {

        /**
         * The speed judged against the limit: the higher of the reported one and the computed one less its tolerance
         * (so the computed one is over a limit only when more than the tolerance above it); 0 only when neither is
         * known.
         */
        double judged() {
            return Math.max(reported == null ? 0 : reported,
                    computed == null ? 0 : computed / (1 + COMPUTED_SPEED_TOLERANCE));
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

    private final Map<String, Episode> open = new ConcurrentHashMap<>();

    void started(String robot) {
        open.put(robot, new Episode());
    }

    /** A reading taken while the robot's episode is open (the one that started it included). */
    void seen(String robot, Reading reading) {
        Episode episode = open.get(robot);
        if (episode != null) episode.add(reading);
    }

    /**
     * Closes the robot's episode; the overspeed names the sources above {@code limit} (the computed one above it by
     * more than its tolerance) and their highest speeds.
     *
     * @param judgedMax the highest judged speed of the episode, for an episode this class did not see open
     */
    Overspeed ended(String robot, String zone, double limit, double judgedMax, double durationSeconds) {
        Episode episode = open.remove(robot);
        if (episode == null) episode = new Episode();
        boolean reportedOver = episode.maxReported != null && episode.maxReported > limit;
        boolean computedOver = episode.maxComputed != null
                && episode.maxComputed > limit * (1 + COMPUTED_SPEED_TOLERANCE);
        double maxSpeed = Math.max(judgedMax, Math.max(episode.maxReported == null ? 0 : episode.maxReported,
                episode.maxComputed == null ? 0 : episode.maxComputed));
        Overspeed.Source source = reportedOver && computedOver ? Overspeed.Source.BOTH
                : computedOver ? Overspeed.Source.COMPUTED : reportedOver ? Overspeed.Source.REPORTED : null;
        return new Overspeed(zone, limit, maxSpeed, durationSeconds, source, episode.maxComputed, episode.maxReported);
    }
}
