package dev.provingground.server.elevator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which car each waiting ride of one elevator takes. Pure: car plans and the queue in, grants out.
 *
 * <p>Fairness: rides are planned strictly in request order. Each ride in turn takes the car that can reach it soonest,
 * counting what that car must finish first (its current ride and the rides planned on it before this one). A ride
 * whose best car is busy waits for it rather than taking a slower free car, and a later ride can never take a car
 * ahead of an earlier one that would be served by it. Only rides whose best car is idle now are granted.
 */
final class CarChoice {

    /**
     * A car as the choice sees it.
     *
     * @param freeInSeconds when the car is done with what it holds (0 when idle)
     * @param freeFloor     where it will be then
     * @param idle          nobody holds it, so a ride choosing it gets it now
     */
    record CarPlan(String carId, double freeInSeconds, String freeFloor, boolean idle) {
    }

    /** A ride waiting for a car, identified by its ticket (request order). */
    record WaitingRide(long ticket, String from, String to) {
    }

    /** The ride takes this car now. */
    record Grant(long ticket, String carId) {
    }

    /** Travel and service times of the cars, in seconds. */
    interface Timing {
        boolean serves(String carId, String floor);

        double travel(String carId, String fromFloor, String toFloor);

        /** From doors opening at {@code from} to the robot being off at {@code to}. */
        double serve(String carId, String from, String to);
    }

    private CarChoice() {
    }

    /** @param queue waiting rides in request order */
    static List<Grant> choose(List<CarPlan> cars, List<WaitingRide> queue, Timing timing) {
        Map<String, CarPlan> plans = new LinkedHashMap<>();
        for (CarPlan car : cars) plans.put(car.carId(), car);
        List<Grant> grants = new ArrayList<>();
        for (WaitingRide ride : queue) {
            CarPlan best = null;
            double bestEta = Double.MAX_VALUE;
            for (CarPlan plan : plans.values()) {
                if (!timing.serves(plan.carId(), ride.from()) || !timing.serves(plan.carId(), ride.to())) continue;
                double eta = plan.freeInSeconds() + timing.travel(plan.carId(), plan.freeFloor(), ride.from());
                if (eta < bestEta) {
                    bestEta = eta;
                    best = plan;
                }
            }
            if (best == null) continue;
            if (best.idle()) grants.add(new Grant(ride.ticket(), best.carId()));
            plans.put(best.carId(), new CarPlan(best.carId(),
                    bestEta + timing.serve(best.carId(), ride.from(), ride.to()), ride.to(), false));
        }
        return grants;
    }
}
