package dev.provingground.trackrecord.merkle;

import java.util.List;

/** RFC 9162 §2.1.4 consistency proof between a tree of {@code fromSize} leaves and one of {@code toSize}. */
public record ConsistencyProof(long fromSize, long toSize, List<byte[]> proof) {

    public ConsistencyProof {
        proof = List.copyOf(proof);
    }
}
