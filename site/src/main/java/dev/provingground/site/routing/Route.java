package dev.provingground.site.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fastest way from one waypoint to another for one robot class at one planned time.
 *
 * @param legs    in driving order; empty when the route starts where it ends
 * @param seconds expected time of the whole route, the sum of its legs
 */
public record Route(String from, String to, List<Leg> legs, double seconds) {

    public Route {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        legs = List.copyOf(legs);
    }

    /** Every waypoint the robot passes, in order, each once where legs join; just {@code from} for an empty route. */
    public List<String> waypoints() {
        List<String> all = new ArrayList<>();
        all.add(from);
        for (Leg leg : legs) {
            List<String> part = leg instanceof Leg.Drive drive ? drive.waypoints() : List.of(leg.fromWaypoint(), leg.toWaypoint());
            all.addAll(part.subList(1, part.size()));
        }
        return all;
    }

    /** The elevator cars ridden, in riding order. */
    public List<String> elevatorCars() {
        return legs.stream().filter(l -> l instanceof Leg.ElevatorRide).map(l -> ((Leg.ElevatorRide) l).car()).toList();
    }
}
