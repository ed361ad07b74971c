package dev.provingground.site;

import java.util.List;
import java.util.Objects;

/** An elevator bank with one or more cars; each car is one lift in the elevator protocol (its id is the lift name). */
public record Elevator(String id, String name, List<ElevatorCar> cars) {

    public Elevator {
        Objects.requireNonNull(id, "elevator id");
        Objects.requireNonNull(name, "elevator name");
        cars = List.copyOf(cars);
    }
}
