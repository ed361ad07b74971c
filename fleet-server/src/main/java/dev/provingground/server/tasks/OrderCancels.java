package dev.provingground.server.tasks;

import dev.provingground.server.orders.OrderSender;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.vda5050.Action;
import dev.provingground.vda5050.BlockingType;
import dev.provingground.vda5050.InstantActions;

import java.util.List;
import java.util.UUID;

/** Withdraws the order a robot drives (VDA 5050 {@code cancelOrder}) when the server no longer wants it done. */
final class OrderCancels {

    private final RobotRegistry registry;
    private final OrderSender orders;

    OrderCancels(RobotRegistry registry, OrderSender orders) {
        this.registry = registry;
        this.orders = orders;
    }

    /** @param taskId the task the order was for, named in the action id */
    void cancel(String robotId, String taskId) {
        registry.find(robotId).ifPresent(r -> orders.send(r, InstantActions.create(List.of(Action.instant("cancelOrder",
                "cancel-" + taskId + "-" + UUID.randomUUID(), BlockingType.HARD, List.of())))));
    }
}
