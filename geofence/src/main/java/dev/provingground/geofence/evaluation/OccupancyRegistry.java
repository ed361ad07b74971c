package dev.provingground.geofence.evaluation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is inside each occupancy-limited zone, in order of entry. The first {@code maxRobots} entrants hold the
 * zone; anyone after them is over the limit until someone ahead leaves. Robots of different partitions meet
 * here, so each zone's list is guarded by its own lock — held for a few list operations only.
 */
final class OccupancyRegistry {

    private final Map<String, LinkedHashSet<String>> byZone = new ConcurrentHashMap<>();

    /** Adds the robot if absent and returns its 1-based place in the entry order. */
    int enter(String zoneId, String robot) {
        LinkedHashSet<String> robots = byZone.computeIfAbsent(zoneId, z -> new LinkedHashSet<>());
        synchronized (robots) {
            robots.add(robot);
            int rank = 1;
            for (String r : robots) {
                if (r.equals(robot)) return rank;
                rank++;
            }
            throw new IllegalStateException("robot just added is missing");
        }
    }

    int count(String zoneId) {
        LinkedHashSet<String> robots = byZone.get(zoneId);
        if (robots == null) return 0;
        synchronized (robots) {
            return robots.size();
        }
    }

    void leave(String zoneId, String robot) {
        LinkedHashSet<String> robots = byZone.get(zoneId);
        if (robots == null) return;
        synchronized (robots) {
            robots.remove(robot);
        }
    }

    List<String> occupants(String zoneId) {
        LinkedHashSet<String> robots = byZone.get(zoneId);
        if (robots == null) return List.of();
        synchronized (robots) {
            return List.copyOf(robots);
        }
    }
}
