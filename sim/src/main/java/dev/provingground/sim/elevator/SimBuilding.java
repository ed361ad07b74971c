package dev.provingground.sim.elevator;

import dev.provingground.sim.robot.LiftDoors;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The simulated elevator cars of a building, as robots step into and out of them. */
public final class SimBuilding implements LiftDoors {

    private final Map<String, SimElevatorClient> cars;

    public SimBuilding(List<SimElevatorClient> cars) {
        this.cars = cars.stream().collect(Collectors.toMap(c -> c.withCar(SimElevatorCar::liftName), Function.identity()));
    }

    @Override
    public boolean board(String liftName, String floor, String robotId) {
        SimElevatorClient car = cars.get(liftName);
        return car != null && car.withCar(c -> c.currentFloor().equals(floor) && c.robotBoards(robotId));
    }

    @Override
    public boolean alight(String liftName, String floor, String robotId) {
        SimElevatorClient car = cars.get(liftName);
        return car != null && car.withCar(c -> c.currentFloor().equals(floor) && c.robotLeaves(robotId));
    }
}
