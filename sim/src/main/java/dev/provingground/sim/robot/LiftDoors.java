package dev.provingground.sim.robot;

/**
 * The simulated building as a robot meets it at an elevator: stepping into a car and out of it. The robot can only
 * do so through doors that stand open at its floor; the building says whether they do.
 */
public interface LiftDoors {

    /** No elevators in this simulation: every boarding and alighting fails. */
    LiftDoors NONE = new LiftDoors() {
        @Override
        public boolean board(String liftName, String floor, String robotId) {
            return false;
        }

        @Override
        public boolean alight(String liftName, String floor, String robotId) {
            return false;
        }
    };

    /** The robot steps into the car; false when the car is not standing open at that floor. */
    boolean board(String liftName, String floor, String robotId);

    /** The robot steps out of the car; false when it is not aboard or the car is not standing open at that floor. */
    boolean alight(String liftName, String floor, String robotId);
}
