package dev.provingground.server.cluster;

import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotRegistry;

import java.time.Instant;
import java.util.Map;

/**
 * Which site each robot is registered at, as the node that takes a robot's message from the broker needs to know
 * to forward it to the site's owner. Held in a Hazelcast replicated map (every member a full copy, read locally);
 * written by the site owners: every robot of the site when the owner opens it, and each robot registered later.
 */
final class RobotSites {

    private RobotSites() {
    }

    static String key(String manufacturer, String serialNumber) {
        return manufacturer + "/" + serialNumber;
    }

    /** Publishes where {@code registry}'s robots are now, and where each one registered from now on is. */
    static void publish(RobotRegistry registry, Map<String, String> sitesOfRobots) {
        for (Robot r : registry.all()) sitesOfRobots.put(key(r.manufacturer(), r.serialNumber()), r.site());
        registry.addListener(new RobotListener() {
            @Override
            public void registered(Robot robot, String actor, Instant at) {
                sitesOfRobots.put(key(robot.manufacturer(), robot.serialNumber()), robot.site());
            }
        });
    }
}
