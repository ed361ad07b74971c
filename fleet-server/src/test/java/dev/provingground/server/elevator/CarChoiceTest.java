package dev.provingground.server.elevator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.server.elevator.CarChoice.CarPlan;
import dev.provingground.server.elevator.CarChoice.Grant;
import dev.provingground.server.elevator.CarChoice.WaitingRide;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CarChoiceTest {

    /** Floors 1..5, 10 s a floor, 20 s to serve a ride plus its travel; car "low" serves only floors 1-3. */
    private static final CarChoice.Timing TIMING = new CarChoice.Timing() {
        final Map<String, Set<String>> floors = Map.of("A", Set.of("1", "2", "3", "4", "5"),
                "B", Set.of("1", "2", "3", "4", "5"), "low", Set.of("1", "2", "3"));

        @Override
        public boolean serves(String carId, String floor) {
            return floors.get(carId).contains(floor);
        }

        @Override
        public double travel(String carId, String fromFloor, String toFloor) {
            return 10 * Math.abs(Integer.parseInt(fromFloor) - Integer.parseInt(toFloor));
        }

        @Override
        public double serve(String carId, String from, String to) {
            return 20 + travel(carId, from, to);
        }
    };

    @Test
    void aRideTakesTheIdleCarThatReachesItSoonest() {
        List<Grant> grants = CarChoice.choose(List.of(new CarPlan("A", 0, "5", true), new CarPlan("B", 0, "2", true)),
                List.of(new WaitingRide(1, "1", "4")), TIMING);

        assertThat(grants).containsExactly(new Grant(1, "B"));
    }

    @Test
    void aRideWaitsForABusyCarThatIsSoonerThanAFarIdleOne() {
        // A is busy for 5 s more and ends on floor 1; B is idle but four floors away (40 s).
        List<Grant> grants = CarChoice.choose(List.of(new CarPlan("A", 5, "1", false), new CarPlan("B", 0, "5", true)),
                List.of(new WaitingRide(1, "1", "3")), TIMING);

        assertThat(grants).isEmpty();
    }

    @Test
    void aLaterRideNeverTakesTheCarAnEarlierRidePlannedOn() {
        // Ride 1 plans on idle A (on its floor); ride 2 at the same floor must count A as busy with ride 1 and take B.
        List<Grant> grants = CarChoice.choose(List.of(new CarPlan("A", 0, "1", true), new CarPlan("B", 0, "3", true)),
                List.of(new WaitingRide(1, "1", "5"), new WaitingRide(2, "1", "2")), TIMING);

        assertThat(grants).containsExactly(new Grant(1, "A"), new Grant(2, "B"));
    }

    @Test
    void aCarThatDoesNotServeBothFloorsIsNeverChosen() {
        List<Grant> grants = CarChoice.choose(List.of(new CarPlan("low", 0, "1", true), new CarPlan("A", 0, "5", true)),
                List.of(new WaitingRide(7, "1", "4")), TIMING);

        assertThat(grants).containsExactly(new Grant(7, "A"));
    }

    @Test
    void aRideNoCarServesIsLeftWaiting() {
        List<Grant> grants = CarChoice.choose(List.of(new CarPlan("low", 0, "1", true)),
                List.of(new WaitingRide(3, "1", "5")), TIMING);

        assertThat(grants).isEmpty();
    }
}
