package dev.provingground.server.elevator;

import dev.provingground.site.lift.LiftRequest;

import java.util.List;

/** The output of one {@link ElevatorManager#tick()}: requests to publish to the cars, and notices for the server. */
public record ManagerStep(List<LiftRequest> requests, List<ElevatorNotice> notices) {

    public ManagerStep {
        requests = List.copyOf(requests);
        notices = List.copyOf(notices);
    }
}
