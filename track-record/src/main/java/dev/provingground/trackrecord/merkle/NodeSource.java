package dev.provingground.trackrecord.merkle;

/**
 * Hashes of complete subtrees of a log: the only thing proof generation needs to read.
 *
 * <p>A complete subtree of height {@code h} and index {@code i} covers leaves
 * {@code [i * 2^h, (i + 1) * 2^h)}; callers only ask for subtrees that lie inside the tree size they work on.
 */
@FunctionalInterface
public interface NodeSource {

    byte[] completeSubtree(int height, long index);
}
