package dev.provingground.trackrecord.merkle;

import java.util.List;

/** RFC 9162 §2.1.3 inclusion proof: the audit path of one leaf in a tree of {@code treeSize} leaves. */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    public InclusionProof {
        path = List.copyOf(path);
    }
}
