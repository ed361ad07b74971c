package dev.provingground.agent.frames;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which ROS map belongs to which site level, and how their frames relate. Positions go out in the level's frame
 * with the level's {@code mapId}; goals come back in the robot's ROS map frame. Pure and immutable.
 */
public final class MapFrames {

    /**
     * One ROS map.
     *
     * @param rosMap   the ROS map's name (what the agent hears as the current map)
     * @param frameId  the ROS frame goals are given in ({@code map} on most robots)
     * @param levelMapId the site level's VDA 5050 {@code mapId}
     * @param fit      the transform, with the residual when it was fitted from point pairs (0 when given)
     */
    public record RosMap(String rosMap, String frameId, String levelMapId, FrameTransform.Fit fit) {
        public FrameTransform transform() {
            return fit.transform();
        }
    }

    private final Map<String, RosMap> byRosMap = new LinkedHashMap<>();
    private final Map<String, RosMap> byLevel = new LinkedHashMap<>();

    public MapFrames(Collection<RosMap> maps) {
        if (maps.isEmpty()) throw new IllegalArgumentException("at least one map is needed");
        for (RosMap m : maps) {
            if (byRosMap.put(m.rosMap(), m) != null)
                throw new IllegalArgumentException("ROS map " + m.rosMap() + " configured twice");
            if (byLevel.put(m.levelMapId(), m) != null)
                throw new IllegalArgumentException("level " + m.levelMapId() + " has two ROS maps");
        }
    }

    public Optional<RosMap> byRosMap(String rosMap) {
        return Optional.ofNullable(byRosMap.get(rosMap));
    }

    public Optional<RosMap> byLevel(String levelMapId) {
        return Optional.ofNullable(byLevel.get(levelMapId));
    }

    /** The map the robot starts on: the first configured. */
    public RosMap first() {
        return byRosMap.values().iterator().next();
    }

    public Collection<RosMap> all() {
        return byRosMap.values();
    }
}
