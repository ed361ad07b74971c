package dev.provingground.site.routing;

import java.util.Arrays;

/**
 * Edges grouped by their tail node in compressed sparse rows: the edges leaving node {@code v} are slots
 * {@code start[v]} to {@code start[v + 1] - 1} of the other arrays. Also runs Dijkstra over itself.
 */
final class Adjacency {

    private final int[] start;
    private final int[] head;
    private final double[] seconds;
    private final int[] edge;

    /**
     * @param tails    per edge, the node it leaves (for a reverse graph: the edge's head)
     * @param heads    per edge, the node it reaches
     * @param edgeSeconds per edge, its cost
     */
    Adjacency(int nodes, int[] tails, int[] heads, double[] edgeSeconds) {
        int edges = tails.length;
        start = new int[nodes + 1];
        for (int e = 0; e < edges; e++) start[tails[e] + 1]++;
        for (int v = 0; v < nodes; v++) start[v + 1] += start[v];
        int[] fill = Arrays.copyOf(start, nodes);
        head = new int[edges];
        seconds = new double[edges];
        edge = new int[edges];
        for (int e = 0; e < edges; e++) {
            int at = fill[tails[e]]++;
            head[at] = heads[e];
            seconds[at] = edgeSeconds[e];
            edge[at] = e;
        }
    }

    /**
     * Dijkstra from {@code source}.
     *
     * @param target  stop once this node is settled; -1 to settle every reachable node
     * @param viaEdge when not null, receives for each reached node the edge it was last reached by
     * @return seconds to every node; {@link Double#POSITIVE_INFINITY} for nodes not reached (and, with a target,
     *         upper bounds for nodes not settled yet)
     */
    double[] search(int source, int target, int[] viaEdge) {
        double[] dist = new double[start.length - 1];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[source] = 0;
        NodeHeap frontier = new NodeHeap(dist);
        frontier.offer(source);
        while (!frontier.isEmpty()) {
            int u = frontier.poll();
            if (u == target) break;
            double du = dist[u];
            for (int i = start[u], end = start[u + 1]; i < end; i++) {
                int v = head[i];
                double through = du + seconds[i];
                if (through < dist[v]) {
                    dist[v] = through;
                    if (viaEdge != null) viaEdge[v] = edge[i];
                    frontier.offer(v);
                }
            }
        }
        return dist;
    }
}
