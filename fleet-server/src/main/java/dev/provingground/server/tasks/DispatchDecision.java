package dev.provingground.server.tasks;

import java.time.Instant;
import java.util.List;

/**
 * Why a task went to the robot it went to: every candidate considered with its cost, and the ones left out with
 * their reason. Kept on the task so an operator can see the decision.
 */
public record DispatchDecision(Instant at, String chosen, List<Candidate> candidates) {

    public DispatchDecision {
        candidates = List.copyOf(candidates);
    }

    /**
     * @param finishSeconds estimated seconds until the task would be done by this robot; null when excluded
     * @param excludedBecause null when the robot was a candidate
     */
    public record Candidate(String robot, Double finishSeconds, Double energyWh, String excludedBecause) {
    }
}
