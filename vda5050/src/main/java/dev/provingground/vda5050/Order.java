package dev.provingground.vda5050;

import java.time.Instant;
import java.util.List;

/** Topic order: nodes and edges for the robot to traverse, sent by master control. */
public record Order(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber,
                    String orderId, long orderUpdateId, String zoneSetId, List<Node> nodes, List<Edge> edges)
        implements VdaMessage {

    public Order {
        nodes = Lists.copy("Order.nodes", nodes);
        edges = Lists.copy("Order.edges", edges);
    }

    /** An order with an empty header, to be filled by {@link #withHeader}. */
    public static Order create(String orderId, long orderUpdateId, List<Node> nodes, List<Edge> edges) {
        return new Order(0, null, null, null, null, orderId, orderUpdateId, null, nodes, edges);
    }

    @Override
    public Topic topic() {
        return Topic.ORDER;
    }

    @Override
    public Order withHeader(Header h) {
        return new Order(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(), orderId,
                orderUpdateId, zoneSetId, nodes, edges);
    }
}
