package dev.provingground.trackrecord.event;

/**
 * {@code task}: a mission changed phase.
 *
 * @param taskId the task's identifier
 * @param phase  ASSIGNED, STARTED, COMPLETED, FAILED or CANCELLED
 * @param kind   what the mission is, e.g. {@code delivery}, {@code serving}, {@code disinfection}
 * @param reason optional, why it failed or was cancelled; on ASSIGNED, the dispatch decision in one line
 */
public record TaskLifecycle(String taskId, Phase phase, String kind, String reason) implements EventBody {

    public enum Phase { ASSIGNED, STARTED, COMPLETED, FAILED, CANCELLED }

    public TaskLifecycle {
        Require.text(taskId, "taskId");
        Require.present(phase, "phase");
        Require.text(kind, "kind");
        Require.optionalText(reason, "reason");
    }
}
