package dev.provingground.app.demo;

import dev.provingground.agent.frames.FrameTransform;
import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.sim.ros.SimRosbridgeServer;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;

import java.util.List;

/**
 * One of the demo's ROS robots: which demo robot it is, the navigation stack its simulated ROS side runs, and how its
 * ROS map lies on the site's level (identity for the Nav2 robot; turned and shifted for the move_base robot, so the
 * demo drives goals through a real transform), and whether it may leave its start level (only then does its agent
 * need every level's map).
 */
record DemoRosRobot(DemoFleet.RobotPlan plan, SimRosbridgeServer.Flavour flavour, FrameTransform map,
                    boolean ridesLifts) {

    /**
     * A Hanbit delivery robot on Nav2 in the lobby, which rides the lifts like the simulated ones, and a ServeWell
     * serving robot on ROS 1 move_base in the staff room, which stays in the restaurant on the ground floor.
     */
    static List<DemoRosRobot> plans(Site site) {
        return List.of(
                new DemoRosRobot(new DemoFleet.RobotPlan(DemoFleet.HANBIT, "HB-R01", "indoor-delivery", "L1",
                        placeOn(site, "lobby-desk")), SimRosbridgeServer.Flavour.NAV2, FrameTransform.IDENTITY, true),
                new DemoRosRobot(new DemoFleet.RobotPlan(DemoFleet.SERVEWELL, "SW-R01", "serving", "L1",
                        placeOn(site, "staff-room")), SimRosbridgeServer.Flavour.MOVE_BASE,
                        new FrameTransform(3.0, -2.0, Math.PI / 6, 1), false));
    }

    private static Waypoint placeOn(Site site, String place) {
        return site.places().stream().filter(p -> p.name().equals(place)).findFirst()
                .flatMap(p -> site.waypoint(p.waypoint()))
                .orElseThrow(() -> new IllegalStateException("demo site has no place " + place));
    }
}
