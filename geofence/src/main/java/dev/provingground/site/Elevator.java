package dev.provingground.site;

import java.util.List;
import java.util.Objects;

/** An elevator bank: one controller (one lift name in the elevator protocol) with one or more cars. */
public record Elevator(String id, String name, List<ElevatorCar> cars) {

    public Elevator {
        Objects.requireNonNull(id, "elevator id");
        Objects.requireNonNull(name, "elevator name");
        cars = List.copyOf(cars);
    }
}
