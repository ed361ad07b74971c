package dev.provingground.scenarios.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thirty mixed tasks across the demo building's floors with its elevators, people and a fire alarm (see
 * {@link ElevatorScenario}), in virtual time: all complete while the building's rules hold, and a second run on fresh
 * data gives the same outcome to the millisecond, event for event.
 */
class ElevatorScenarioTest {

    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void thirtyMixedTasksCompleteAcrossFloorsWhileTheBuildingsRulesHoldTheSameWayEveryRun() throws Exception {
        ElevatorScenario.Outcome outcome = ElevatorScenario.run(first);
        // For comparing runs across JVMs (docs/ARCHITECTURE.md, Testing): the whole outcome, and a short fingerprint of it.
        System.out.println("elevator scenario: " + outcome.took() + " of virtual time; events " + outcome.events()
                + "; boardings " + outcome.boardings() + "; fire drill " + outcome.fireDrills() + "; outcome "
                + Integer.toHexString(outcome.hashCode()) + "; tasks " + outcome.tasks());

        assertThat(outcome.breaches()).isEmpty();
        assertThat(outcome.fireDrills()).as("a fire alarm while a robot rode").hasSize(1);
        assertThat(outcome.boardings().values().stream().mapToInt(Integer::intValue).sum())
                .as("robots boarded elevator cars").isGreaterThanOrEqualTo(10);
        assertThat(outcome.rideCars()).isNotEmpty().allSatisfy(car -> assertThat(car).isIn("E1-A", "E2-A"));

        ElevatorScenario.Outcome again = ElevatorScenario.run(second);
        assertThat(again).as("a second run of the same scenario").isEqualTo(outcome);
    }
}
