package dev.provingground.site.routing;

/**
 * A binary min-heap of node numbers keyed by a caller's distance array, with decrease-key; primitives only, so a
 * search allocates nothing per step. Each node is in the heap at most once.
 */
final class NodeHeap {

    private final double[] key;
    private final int[] heap;
    /** Node → its heap slot + 1; 0 when the node is not in the heap. */
    private final int[] slot;
    private int size;

    /** @param key distances the heap orders by; the caller lowers {@code key[node]} before {@link #offer}. */
    NodeHeap(double[] key) {
        this.key = key;
        this.heap = new int[key.length];
        this.slot = new int[key.length];
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds the node, or moves it up after its key was lowered. */
    void offer(int node) {
        int at = slot[node] - 1;
        if (at < 0) {
            at = size++;
            heap[at] = node;
        }
        siftUp(at, node);
    }

    int poll() {
        int top = heap[0];
        slot[top] = 0;
        int last = heap[--size];
        if (size > 0) siftDown(0, last);
        return top;
    }

    private void siftUp(int at, int node) {
        double k = key[node];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            int above = heap[parent];
            if (key[above] <= k) break;
            heap[at] = above;
            slot[above] = at + 1;
            at = parent;
        }
        heap[at] = node;
        slot[node] = at + 1;
    }

    private void siftDown(int at, int node) {
        double k = key[node];
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < size && key[heap[right]] < key[heap[child]]) child = right;
            int below = heap[child];
            if (k <= key[below]) break;
            heap[at] = below;
            slot[below] = at + 1;
            at = child;
        }
        heap[at] = node;
        slot[node] = at + 1;
    }
}
