package dev.provingground.server.tasks;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A task as it was asked for (Open-RMF {@code task_request} vocabulary) and the stops it was planned into. Never
 * changes once the task is accepted; what happens to it is its {@link TaskProgress}.
 *
 * @param firm        the firm whose robots may do it (a vendor's tasks), or null for any firm (an operator's)
 * @param firms       the requester's choice of firms whose robots may do it; empty for any firm
 * @param robotKind   the robot kind it needs, or null
 * @param robot       the one robot it is for (a charge task for a robot low on battery), or null
 * @param stops       where it takes a robot, in order
 */
public record TaskRequest(String id, String site, TaskCategory category, JsonNode description, Instant earliestStart,
                          int priority, List<String> labels, String requester, String firm, List<String> firms,
                          String robotKind, String robot, List<Stop> stops, Instant requestedAt) {

    public TaskRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
        // Tasks stored before requesters could choose firms have none: they were open to every firm.
        firms = firms == null ? List.of() : List.copyOf(firms);
        stops = List.copyOf(stops);
    }

    /** Whether a robot of {@code robotFirm} may do it: the vendor's own firm for a vendor's task, and a chosen firm. */
    public boolean openTo(String robotFirm) {
        return (firm == null || firm.equals(robotFirm)) && (firms.isEmpty() || firms.contains(robotFirm));
    }
}
