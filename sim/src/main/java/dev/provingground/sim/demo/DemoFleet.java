package dev.provingground.sim.demo;

import dev.provingground.site.Level;
import dev.provingground.site.Place;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's firms and robots: indoor delivery, serving, UV-C disinfection and sidewalk delivery robots from four
 * firms, placed at distinct places of their level. Asking for more robots repeats the mix.
 */
public final class DemoFleet {

    public record FirmSpec(String id, String name, String manufacturer) {
    }

    /** A robot of the demo before it is registered: which firm, model and level, and where it starts. */
    public record RobotPlan(FirmSpec firm, String serialNumber, String profile, String level, Waypoint start) {
    }

    public static final FirmSpec HANBIT = new FirmSpec("hanbit-robotics", "Hanbit Robotics", "Hanbit");
    public static final FirmSpec SERVEWELL = new FirmSpec("servewell", "ServeWell", "ServeWell");
    public static final FirmSpec CLEANWAVE = new FirmSpec("cleanwave", "CleanWave UV", "CleanWave");
    public static final FirmSpec STREETGO = new FirmSpec("streetgo", "StreetGo Delivery", "StreetGo");

    private record Template(FirmSpec firm, String prefix, String profile, String level) {
    }

    private static final List<Template> MIX = List.of(
            new Template(HANBIT, "HB", "indoor-delivery", "L1"),
            new Template(SERVEWELL, "SW", "serving", "L1"),
            new Template(CLEANWAVE, "CW", "uvc-disinfection", "L3"),
            new Template(STREETGO, "SG", "sidewalk-delivery", "OUT"),
            new Template(HANBIT, "HB", "indoor-delivery", "L2"),
            new Template(SERVEWELL, "SW", "serving", "L1"),
            new Template(CLEANWAVE, "CW", "uvc-disinfection", "L2"),
            new Template(HANBIT, "HB", "indoor-delivery", "L3"),
            new Template(SERVEWELL, "SW", "serving", "L1"),
            new Template(STREETGO, "SG", "sidewalk-delivery", "OUT"),
            new Template(HANBIT, "HB", "indoor-delivery", "L2"),
            new Template(CLEANWAVE, "CW", "uvc-disinfection", "L3"));

    private DemoFleet() {
    }

    public static List<FirmSpec> firms() {
        return List.of(HANBIT, SERVEWELL, CLEANWAVE, STREETGO);
    }

    public static List<RobotPlan> plan(Site site, int robots) {
        if (robots < 1) throw new IllegalArgumentException("robots: must be >= 1, got " + robots);
        Map<String, Integer> serials = new HashMap<>();
        Map<String, Integer> placeUse = new HashMap<>();
        List<RobotPlan> out = new ArrayList<>();
        for (int i = 0; i < robots; i++) {
            Template t = MIX.get(i % MIX.size());
            int n = serials.merge(t.prefix(), 1, Integer::sum);
            out.add(new RobotPlan(t.firm(), String.format("%s-%03d", t.prefix(), n), t.profile(), t.level(),
                    startFor(site, t.level(), placeUse)));
        }
        return out;
    }

    /** The next unused place (or waypoint) of the level, so robots do not start on top of each other. */
    private static Waypoint startFor(Site site, String levelId, Map<String, Integer> used) {
        Level level = site.level(levelId).orElseThrow(() -> new IllegalStateException(
                "demo site has no level " + levelId));
        List<Waypoint> candidates = new ArrayList<>();
        for (Place p : site.places())
            if (p.level().equals(levelId)) site.waypoint(p.waypoint()).ifPresent(candidates::add);
        if (candidates.isEmpty()) candidates.addAll(level.waypoints());
        int k = used.merge(levelId, 1, Integer::sum) - 1;
        return candidates.get(k % candidates.size());
    }
}
