package dev.provingground.server.tasks;

import java.util.List;
import java.util.Map;

/**
 * One place a task takes a robot to, and what it does there.
 *
 * @param label     for people and the task's phases, e.g. "pickup at lobby-desk"
 * @param waypoint  nav-graph waypoint; null for a free position (coverage paths)
 * @param path      for coverage: positions driven in order on {@code level}, inside a zone; empty otherwise
 * @param actions   VDA 5050 actions run on arrival, in order
 */
public record Stop(String label, String level, String waypoint, List<double[]> path, List<StopAction> actions) {

    public Stop {
        path = path == null ? List.of() : List.copyOf(path);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static Stop at(String label, String level, String waypoint, StopAction... actions) {
        return new Stop(label, level, waypoint, List.of(), List.of(actions));
    }

    /** An action to run at a stop: a VDA 5050 actionType and its parameters. */
    public record StopAction(String type, Map<String, Object> parameters) {
        public StopAction {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }

        public static StopAction of(String type) {
            return new StopAction(type, Map.of());
        }
    }
}
