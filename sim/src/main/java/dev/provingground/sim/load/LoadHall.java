package dev.provingground.sim.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The load generator's site: one hall with a lane per robot. Robot {@code i} drives along {@code y = i + 0.5}; most
 * shuttle between x 1 and 7 m, the crossing share between x 9 and 11 m, in and out of a KEEP_OUT zone from x 10 to 20 m
 * across every lane whose {@code onViolation} is PAUSE, so each entry is a violation the server answers with
 * {@code startPause}. The generator registers the hall on our server itself ({@link LoadRegistration}); against
 * another server or a broker the positions are the same and the zone is whatever that side makes of them.
 */
public final class LoadHall {

    public static final String SITE = "loadgen-hall";
    public static final String LEVEL = "L1";
    public static final String ZONE = "loadgen-keep-out";
    public static final int MAX_ROBOTS = 10_000;
    /** Below the indoor-delivery profile's cap (0.76 m/s), so no robot is an overspeed or a position jump. */
    static final double SPEED = 0.5;
    static final double ZONE_FROM_X = 10;
    static final double ZONE_TO_X = 20;
    static final Shuttle CROSSING = new Shuttle(9, 11, SPEED);
    static final Shuttle STAYING = new Shuttle(1, 7, SPEED);

    private LoadHall() {
    }

    static double laneY(int index) {
        return index + 0.5;
    }

    static boolean inZone(double x) {
        return x >= ZONE_FROM_X && x <= ZONE_TO_X;
    }

    /** The site in the site file format (docs/SITE-FORMAT.md). */
    public static JsonObject site() {
        return new JsonObject().put("id", SITE).put("name", "Load generator hall").put("timeZone", "UTC")
                .put("levels", new JsonArray().add(new JsonObject().put("id", LEVEL).put("name", "Hall").put("floor", 1)
                        .put("outdoor", false)
                        .put("waypoints", new JsonArray()
                                .add(new JsonObject().put("id", "west").put("x", 0).put("y", 0))
                                .add(new JsonObject().put("id", "east").put("x", 30).put("y", 0)))
                        .put("lanes", new JsonArray().add(new JsonObject().put("from", "west").put("to", "east")))))
                .put("places", new JsonArray()).put("chargers", new JsonArray()).put("elevators", new JsonArray());
    }

    /** The keep-out zone across every lane, as a GeoJSON FeatureCollection (docs/ZONES.md). */
    public static JsonObject zones() {
        JsonArray ring = new JsonArray()
                .add(point(ZONE_FROM_X, 0)).add(point(ZONE_TO_X, 0)).add(point(ZONE_TO_X, MAX_ROBOTS))
                .add(point(ZONE_FROM_X, MAX_ROBOTS)).add(point(ZONE_FROM_X, 0));
        JsonObject zone = new JsonObject().put("type", "Feature").put("id", ZONE)
                .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring)))
                .put("properties", new JsonObject().put("name", "Load generator keep-out").put("level", LEVEL)
                        .put("kind", "KEEP_OUT").put("onViolation", "PAUSE"));
        return new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray().add(zone));
    }

    private static JsonArray point(double x, double y) {
        return new JsonArray().add(x).add(y);
    }

    /** Back and forth between {@code fromX} and {@code toX} at {@code speed}, forever. */
    record Shuttle(double fromX, double toX, double speed) {

        double periodSeconds() {
            return 2 * (toX - fromX) / speed;
        }

        /** Where a robot is {@code seconds} into its shuttle. */
        double x(double seconds) {
            double along = (seconds % periodSeconds() + periodSeconds()) % periodSeconds() * speed;
            double length = toX - fromX;
            return along <= length ? fromX + along : toX - (along - length);
        }

        /** Its velocity along x then: +speed outbound, -speed on the way back. */
        double vx(double seconds) {
            double along = (seconds % periodSeconds() + periodSeconds()) % periodSeconds() * speed;
            return along < toX - fromX ? speed : -speed;
        }
    }
}
