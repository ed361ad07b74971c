package dev.provingground.trackrecord.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: one hash per set bit of the size, the complete subtrees the RFC 9162 root
 * decomposes into. Appending a leaf merges equal-height neighbours, so each append costs one leaf hash plus one
 * node hash on average, and the root is a right fold of at most 64 hashes.
 */
public final class CompactRange {

    /** Told about every complete subtree the append creates, leaf first, so the caller can persist it. */
    @FunctionalInterface
    public interface CompletedNodes {
        void completed(int height, long index, byte[] hash);
    }

    private final TreeHasher hasher;
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> heights = new ArrayList<>();
    private long size;

    public CompactRange(TreeHasher hasher) {
        this.hasher = hasher;
    }

    /** Rebuilds the right edge of a tree of {@code size} leaves from stored complete subtrees. */
    public static CompactRange restore(long size, NodeSource nodes, TreeHasher hasher) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative, got " + size);
        }
        CompactRange range = new CompactRange(hasher);
        for (int height = 63; height >= 0; height--) {
            if ((size & (1L << height)) != 0) {
                long index = (size >>> height) - 1;
                range.hashes.add(nodes.completeSubtree(height, index));
                range.heights.add(height);
            }
        }
        range.size = size;
        return range;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash, CompletedNodes completed) {
        long leafIndex = size;
        completed.completed(0, leafIndex, leafHash);
        byte[] hash = leafHash;
        int height = 0;
        while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
            byte[] left = hashes.remove(hashes.size() - 1);
            heights.remove(heights.size() - 1);
            hash = hasher.nodeHash(left, hash);
            height++;
            completed.completed(height, leafIndex >>> height, hash);
        }
        hashes.add(hash);
        heights.add(height);
        size++;
    }

    public byte[] root() {
        if (hashes.isEmpty()) {
            return hasher.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = hasher.nodeHash(hashes.get(i), root);
        }
        return root;
    }
}
