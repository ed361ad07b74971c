package dev.provingground.bench.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import dev.provingground.site.routing.SiteRouter;

/**
 * The baseline: plain textbook Dijkstra for one pair at a time, on the same edges and costs as the router, with
 * object adjacency lists and a {@link PriorityQueue} of boxed entries (lazy deletion), stopping at the target.
 */
public final class TextbookDijkstra {

    private record Arc(int to, double seconds) {
    }

    private record Entry(int node, double seconds) {
    }

    private final List<List<Arc>> outgoing;

    public TextbookDijkstra(SiteRouter router) {
        outgoing = new ArrayList<>(router.waypointCount());
        for (int i = 0; i < router.waypointCount(); i++) outgoing.add(new ArrayList<>());
        router.forEachEdge((from, to, seconds) -> outgoing.get(from).add(new Arc(to, seconds)));
    }

    /** Seconds of the fastest route, {@link Double#POSITIVE_INFINITY} when there is none. */
    public double seconds(int from, int to) {
        double[] dist = new double[outgoing.size()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[from] = 0;
        PriorityQueue<Entry> queue = new PriorityQueue<>(Comparator.comparingDouble(Entry::seconds));
        queue.add(new Entry(from, 0));
        while (!queue.isEmpty()) {
            Entry next = queue.poll();
            if (next.seconds() > dist[next.node()]) continue; // stale: reached more cheaply since
            if (next.node() == to) return next.seconds();
            for (Arc arc : outgoing.get(next.node())) {
                double through = next.seconds() + arc.seconds();
                if (through < dist[arc.to()]) {
                    dist[arc.to()] = through;
                    queue.add(new Entry(arc.to(), through));
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
