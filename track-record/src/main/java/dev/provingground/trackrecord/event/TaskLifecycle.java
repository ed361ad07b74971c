package dev.provingground.trackrecord.event;

/**
 * {@code task}: a mission changed phase.
 *
 * @param taskId the task's identifier
 * @param phase  ASSIGNED, STARTED, REQUEUED (its robot dropped out and it waits to be dispatched again), COMPLETED,
 *               FAILED or CANCELLED
 * @param kind   what the mission is, e.g. {@code delivery}, {@code serving}, {@code disinfection}
 * @param reason optional, why it failed, was cancelled or requeued; on ASSIGNED, the dispatch decision in one line
 */
public record TaskLifecycle(String taskId, Phase phase, String kind, String reason) implements EventBody {

    public enum Phase { ASSIGNED, STARTED, REQUEUED, COMPLETED, FAILED, CANCELLED }

    public TaskLifecycle {
        Require.text(taskId, "taskId");
        Require.present(phase, "phase");
        Require.text(kind, "kind");
        Require.optionalText(reason, "reason");
    }
}
