package dev.provingground.trackrecord.merkle;

import java.util.List;

/** Complete-subtree hashes computed naively from a list of leaf hashes, as a reference node source. */
final class InMemoryNodes implements NodeSource {

    private final List<byte[]> leafHashes;
    private final TreeHasher hasher = new TreeHasher();

    InMemoryNodes(List<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    @Override
    public byte[] completeSubtree(int height, long index) {
        long first = index << height;
        return hash(first, 1L << height);
    }

    private byte[] hash(long first, long count) {
        if (count == 1) {
            return leafHashes.get((int) first);
        }
        return hasher.nodeHash(hash(first, count / 2), hash(first + count / 2, count / 2));
    }
}
