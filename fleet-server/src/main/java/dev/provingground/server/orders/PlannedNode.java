package dev.provingground.server.orders;

import dev.provingground.vda5050.Action;

import java.util.List;

/**
 * One node of a planned trip.
 *
 * @param speedIn the speed limit on the edge that reaches this node; {@code null} for none (or a level change)
 * @param lift    for a node inside an elevator car, the ride it belongs to; {@code null} elsewhere
 */
public record PlannedNode(String nodeId, String level, double x, double y, List<Action> actions, Double speedIn,
                          LiftStep lift) {

    public PlannedNode {
        actions = List.copyOf(actions);
    }

    public PlannedNode withActions(List<Action> more) {
        return new PlannedNode(nodeId, level, x, y, more, speedIn, lift);
    }
}
