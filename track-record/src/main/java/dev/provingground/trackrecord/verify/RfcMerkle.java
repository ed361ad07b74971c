package dev.provingground.trackrecord.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.security.DigestException;

/**
 * The verifier's own RFC 9162 Merkle code, written from the RFC text and sharing nothing with the writer's tree:
 * leaf and node hashing (§2.1.1), inclusion proof checking (§2.1.3.2), consistency proof checking (§2.1.4.2), and
 * recomputing a root from a contiguous range of leaves plus the subtree hashes outside it.
 *
 * <p>Holds one reusable digest, so an instance belongs to one thread.
 */
public final class RfcMerkle {

    private final MessageDigest sha256;

    public RfcMerkle() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256", e);
        }
    }

    /** {@code SHA-256(0x00 || data[offset, offset+length))}. */
    public byte[] leafHash(byte[] data, int offset, int length) {
        sha256.update((byte) 0x00);
        sha256.update(data, offset, length);
        return sha256.digest();
    }

    public byte[] leafHash(byte[] data) {
        return leafHash(data, 0, data.length);
    }

    /** The leaf hash of {@code data[offset, offset+length)} written into {@code out} at {@code outOffset}. */
    public void leafHash(byte[] data, int offset, int length, byte[] out, int outOffset) {
        sha256.update((byte) 0x00);
        sha256.update(data, offset, length);
        digestInto(out, outOffset);
    }

    /**
     * As {@link #leafHash(byte[], int, int, byte[], int)}, for a caller that can lend the byte before the leaf
     * ({@code data[offset - 1]}, restored before returning): the prefix and the leaf then go to SHA-256 in one call,
     * which is measurably faster for small leaves.
     */
    public void leafHashUsingByteBefore(byte[] data, int offset, int length, byte[] out, int outOffset) {
        byte kept = data[offset - 1];
        data[offset - 1] = 0x00;
        sha256.update(data, offset - 1, length + 1);
        data[offset - 1] = kept;
        digestInto(out, outOffset);
    }

    /**
     * {@code SHA-256(0x01 || left || right)} for two adjacent hashes at {@code leftOffset} in {@code hashes}, written
     * over the left one; borrows the byte before them for the prefix, as {@link #leafHashUsingByteBefore} does.
     */
    private void nodeHashOfAdjacent(byte[] hashes, int leftOffset) {
        byte kept = hashes[leftOffset - 1];
        hashes[leftOffset - 1] = 0x01;
        sha256.update(hashes, leftOffset - 1, 65);
        hashes[leftOffset - 1] = kept;
        digestInto(hashes, leftOffset);
    }

    private void digestInto(byte[] out, int offset) {
        try {
            sha256.digest(out, offset, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output", e);
        }
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public byte[] nodeHash(byte[] left, byte[] right) {
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** MTH of the empty tree: SHA-256 of no bytes. */
    public byte[] emptyRoot() {
        return sha256.digest();
    }

    /**
     * Tree head over all given leaf hashes, built bottom-up: pair neighbours level by level and carry an unpaired
     * last node up unchanged, which yields the same tree as the RFC's recursive split.
     */
    public byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        byte[][] level = leafHashes.toArray(new byte[0][]);
        int count = level.length;
        while (count > 1) {
            int next = 0;
            for (int i = 0; i + 1 < count; i += 2) {
                level[next++] = nodeHash(level[i], level[i + 1]);
            }
            if ((count & 1) == 1) {
                level[next++] = level[count - 1];
            }
            count = next;
        }
        return level[0];
    }

    /** RFC 9162 §2.1.3.2. */
    public boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2, plus the two cases it leaves to the caller: equal sizes (the proof must be empty and the
     * roots equal) and a first tree of size 0 (the empty tree is a prefix of every tree).
     */
    public boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
                                     List<byte[]> proof) {
        if (firstSize < 0 || firstSize > secondSize) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            return proof.isEmpty() && Arrays.equals(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        Iterator<byte[]> path = proof.iterator();
        byte[] first = Long.bitCount(firstSize) == 1 ? firstRoot : path.next();
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        while (path.hasNext()) {
            byte[] c = path.next();
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** Supplies the leaf hashes of a range in log order. */
    @FunctionalInterface
    public interface LeafHashes {
        /**
         * Writes the next leaf hash into {@code out} at {@code offset}; a source that runs dry records it and writes a
         * placeholder, so the root simply fails to match.
         */
        void next(byte[] out, int offset);
    }

    /**
     * Root of a tree of {@code treeSize} leaves of which only {@code [start, end)} are at hand, following MTH's
     * recursive split: a subrange wholly outside the range takes the next of {@code outside} (in the order the
     * recursion meets them), a leaf inside takes the next of {@code leaves}.
     *
     * @throws IllegalArgumentException when {@code outside} holds too few or too many hashes for this shape
     */
    public byte[] rootOfRange(long treeSize, long start, long end, List<byte[]> outside, LeafHashes leaves) {
        if (start < 0 || start > end || end > treeSize) {
            throw new IllegalArgumentException("range [" + start + ", " + end + ") does not fit a tree of size " + treeSize);
        }
        if (treeSize == 0) {
            if (!outside.isEmpty()) {
                throw new IllegalArgumentException("an empty tree has no outside hashes, got " + outside.size());
            }
            return emptyRoot();
        }
        int[] used = {0};
        byte[] root = mth(0, treeSize, start, end, outside, used, leaves);
        if (used[0] != outside.size()) {
            throw new IllegalArgumentException("range proof lists " + outside.size() + " outside hashes but the tree shape uses "
                    + used[0]);
        }
        return root;
    }

    /**
     * MTH of {@code count} (a power of two) consecutive leaves, bottom-up: each new leaf is merged with the stacked
     * subtree of equal size to its left, as often as sizes match. Works in one buffer, so a leaf costs no allocation.
     */
    private byte[] completeSubtree(long count, LeafHashes leaves) {
        // Slot i holds a hash at 1 + 32 * i; byte 0 is room for the node prefix of slots 0 and 1.
        byte[] stack = new byte[1 + 65 * 32];
        long[] sizes = new long[65];
        int depth = 0;
        for (long i = 0; i < count; i++) {
            leaves.next(stack, 1 + depth * 32);
            long size = 1;
            while (depth > 0 && sizes[depth - 1] == size) {
                depth--;
                nodeHashOfAdjacent(stack, 1 + depth * 32);
                size <<= 1;
            }
            sizes[depth++] = size;
        }
        return Arrays.copyOfRange(stack, 1, 33);
    }

    private byte[] mth(long from, long count, long start, long end, List<byte[]> outside, int[] used, LeafHashes leaves) {
        if (from + count <= start || from >= end) {
            if (used[0] >= outside.size()) {
                throw new IllegalArgumentException("range proof runs out of outside hashes at subtree [" + from + ", "
                        + (from + count) + ")");
            }
            return outside.get(used[0]++);
        }
        if (count == 1) {
            byte[] leaf = new byte[32];
            leaves.next(leaf, 0);
            return leaf;
        }
        if (from >= start && from + count <= end && Long.bitCount(count) == 1) {
            return completeSubtree(count, leaves);
        }
        long k = Long.highestOneBit(count - 1);
        byte[] left = mth(from, k, start, end, outside, used, leaves);
        byte[] right = mth(from + k, count - k, start, end, outside, used, leaves);
        return nodeHash(left, right);
    }
}
