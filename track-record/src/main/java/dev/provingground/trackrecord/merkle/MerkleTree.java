package dev.provingground.trackrecord.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The writer's view of RFC 9162 §2.1: tree heads, inclusion paths and consistency proofs, computed from the
 * recursive definitions over stored complete-subtree hashes.
 *
 * <p>Every range the RFC recursion meets is either a complete, aligned subtree (one read) or a right-hand
 * remainder made of at most log2(n) complete subtrees, so each operation costs O(log n) reads.
 */
public final class MerkleTree {

    private final NodeSource nodes;
    private final TreeHasher hasher;

    public MerkleTree(NodeSource nodes, TreeHasher hasher) {
        this.nodes = nodes;
        this.hasher = hasher;
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        requireNonNegative(size, "tree size");
        return size == 0 ? hasher.emptyRoot() : subtreeHash(0, size);
    }

    /**
     * MTH(D[start:start+count]) for a range the RFC recursion produces: {@code start} is a multiple of the
     * largest power of two not above {@code count}.
     */
    public byte[] subtreeHash(long start, long count) {
        if (count <= 0) {
            throw new IllegalArgumentException("subtree must hold at least one leaf, got " + count);
        }
        if (Long.bitCount(count) == 1) {
            int height = Long.numberOfTrailingZeros(count);
            if ((start & (count - 1)) != 0) {
                throw new IllegalArgumentException("subtree of " + count + " leaves at " + start + " is not aligned");
            }
            return nodes.completeSubtree(height, start >>> height);
        }
        long split = largestPowerOfTwoBelow(count);
        return hasher.nodeHash(subtreeHash(start, split), subtreeHash(start + split, count - split));
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1: the leaf's sibling first, the root's child last. */
    public List<byte[]> inclusionPath(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(index, 0, size, path);
        return path;
    }

    private void collectPath(long index, long start, long count, List<byte[]> path) {
        if (count == 1) {
            return;
        }
        long split = largestPowerOfTwoBelow(count);
        if (index < split) {
            collectPath(index, start, split, path);
            path.add(subtreeHash(start + split, count - split));
        } else {
            collectPath(index - split, start + split, count - split, path);
            path.add(subtreeHash(start, split));
        }
    }

    /**
     * PROOF(from, D[0:to]) of RFC 9162 §2.1.4.1. Empty when {@code from == to}; also empty for {@code from == 0},
     * since every tree extends the empty one.
     */
    public List<byte[]> consistencyProof(long from, long to) {
        requireNonNegative(from, "first tree size");
        if (from > to) {
            throw new IllegalArgumentException("first tree size " + from + " exceeds second tree size " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from == 0 || from == to) {
            return proof;
        }
        collectSubproof(from, 0, to, true, proof);
        return proof;
    }

    private void collectSubproof(long m, long start, long count, boolean startsAtOldRoot, List<byte[]> proof) {
        if (m == count) {
            if (!startsAtOldRoot) {
                proof.add(subtreeHash(start, count));
            }
            return;
        }
        long split = largestPowerOfTwoBelow(count);
        if (m <= split) {
            collectSubproof(m, start, split, startsAtOldRoot, proof);
            proof.add(subtreeHash(start + split, count - split));
        } else {
            collectSubproof(m - split, start + split, count - split, false, proof);
            proof.add(subtreeHash(start, split));
        }
    }

    /**
     * Hashes of the maximal subtrees of the RFC recursion that lie wholly outside {@code [start, end)}, in the
     * left-to-right order the recursion meets them. Together with the leaves of the range they determine the root
     * of a tree of {@code size}: an export carries them so a verifier can recompute the signed root.
     */
    public List<byte[]> hashesOutsideRange(long start, long end, long size) {
        if (start < 0 || start > end || end > size) {
            throw new IllegalArgumentException("range [" + start + ", " + end + ") does not fit a tree of size " + size);
        }
        List<byte[]> outside = new ArrayList<>();
        if (size == 0) {
            return outside;
        }
        collectOutside(start, end, 0, size, outside);
        return outside;
    }

    private void collectOutside(long start, long end, long from, long count, List<byte[]> outside) {
        long to = from + count;
        if (to <= start || from >= end) {
            outside.add(subtreeHash(from, count));
            return;
        }
        if (count == 1) {
            return;
        }
        long split = largestPowerOfTwoBelow(count);
        collectOutside(start, end, from, split, outside);
        collectOutside(start, end, from + split, count - split, outside);
    }

    /** The k of RFC 9162: the largest power of two smaller than {@code n}, for {@code n > 1}. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void requireNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
    }
}
