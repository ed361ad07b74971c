package dev.provingground.server.tasks;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may take a task on when its robot drops out depends on whether that robot already carries the load. */
class RequeuedTaskTest {

    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    static Task underway(TaskCategory category, int stopIndex) {
        List<Stop> stops = List.of(Stop.at("pickup at mail-room", "L2", "L2-mail"),
                Stop.at("dropoff at office-201", "L2", "L2-201"));
        TaskRequest request = new TaskRequest("t-1", "demo", category, null, AT, 0, List.of(), "operator", null,
                List.of(), null, null, stops, AT);
        return Task.queued(request).assigned("rb-1", new DispatchDecision(AT, "rb-1", List.of()), AT).atStop(stopIndex);
    }

    @Test
    void deliveryOnItsWayToThePickupIsOpenToAnyRobot() {
        Task queued = underway(TaskCategory.DELIVERY, 0).requeued(AT, "robot rb-1 went OFFLINE");

        assertThat(queued.progress().status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(queued.progress().assignedTo()).isNull();
        assertThat(queued.robot()).as("the one robot that may do it").isNull();
        assertThat(queued.progress().reason()).isEqualTo("robot rb-1 went OFFLINE");
    }

    @Test
    void deliveryPastItsPickupWaitsForTheRobotThatCarriesTheLoad() {
        Task queued = underway(TaskCategory.DELIVERY, 1).requeued(AT, "robot rb-1 reported a fatal error");

        assertThat(queued.progress().status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(queued.progress().assignedTo()).isNull();
        assertThat(queued.robot()).isEqualTo("rb-1");
        assertThat(queued.progress().carrier()).isEqualTo("rb-1");
        assertThat(queued.request().robot()).as("the request as given").isNull();
        assertThat(queued.progress().stopIndex()).isEqualTo(1);
        assertThat(queued.progress().reason())
                .isEqualTo("robot rb-1 reported a fatal error; waiting for rb-1, which carries the load");
    }

    @Test
    void goingToAPlaceCarriesNothingSoAnyRobotMayFinishIt() {
        assertThat(underway(TaskCategory.GO_TO_PLACE, 1).requeued(AT, "robot rb-1 went OFFLINE").robot()).isNull();
    }

    @Test
    void assigningATaskDoesNotTieItToThatRobot() {
        assertThat(underway(TaskCategory.DELIVERY, 0).robot()).isNull();
    }
}
