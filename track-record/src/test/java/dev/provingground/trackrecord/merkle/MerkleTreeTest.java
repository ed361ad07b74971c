package dev.provingground.trackrecord.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.TestVectors;
import dev.provingground.trackrecord.verify.RfcMerkle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private final JsonNode vectors = TestVectors.merkle();
    private final TreeHasher hasher = new TreeHasher();

    private List<byte[]> vectorLeafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        for (byte[] leaf : TestVectors.hexList(vectors.get("leaves"))) {
            hashes.add(hasher.leafHash(leaf));
        }
        return hashes;
    }

    @Test
    void leafAndNodeHashingMatchTheReferenceChecks() {
        assertThat(HexFormat.of().formatHex(hasher.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(HexFormat.of().formatHex(hasher.nodeHash("N123".getBytes(StandardCharsets.US_ASCII),
                "N456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void everyPrefixRootMatchesTheVectors() {
        MerkleTree tree = new MerkleTree(new InMemoryNodes(vectorLeafHashes()), hasher);
        List<byte[]> roots = TestVectors.hexList(vectors.get("roots"));
        assertThat(roots).hasSize(9);
        for (int size = 0; size < roots.size(); size++) {
            assertThat(tree.root(size)).as("root of %d leaves", size).isEqualTo(roots.get(size));
        }
    }

    @Test
    void compactRangeRootMatchesEveryPrefixRoot() {
        List<byte[]> roots = TestVectors.hexList(vectors.get("roots"));
        CompactRange range = new CompactRange(hasher);
        assertThat(range.root()).isEqualTo(roots.get(0));
        List<byte[]> leaves = vectorLeafHashes();
        for (int i = 0; i < leaves.size(); i++) {
            range.append(leaves.get(i), (height, index, hash) -> { });
            assertThat(range.root()).as("root after %d appends", i + 1).isEqualTo(roots.get(i + 1));
        }
    }

    @Test
    void everyInclusionPathMatchesTheVectors() {
        MerkleTree tree = new MerkleTree(new InMemoryNodes(vectorLeafHashes()), hasher);
        JsonNode inclusion = vectors.get("inclusion");
        assertThat(inclusion.size()).isGreaterThan(30);
        for (JsonNode vector : inclusion) {
            long index = vector.get("leafIndex").asLong();
            long size = vector.get("treeSize").asLong();
            assertThat(tree.inclusionPath(index, size)).as("path of %d in %d", index, size)
                    .containsExactlyElementsOf(TestVectors.hexList(vector.get("path")));
        }
    }

    @Test
    void everyConsistencyProofMatchesTheVectors() {
        MerkleTree tree = new MerkleTree(new InMemoryNodes(vectorLeafHashes()), hasher);
        JsonNode consistency = vectors.get("consistency");
        assertThat(consistency.size()).isGreaterThan(30);
        for (JsonNode vector : consistency) {
            long from = vector.get("size1").asLong();
            long to = vector.get("size2").asLong();
            assertThat(tree.consistencyProof(from, to)).as("proof %d -> %d", from, to)
                    .containsExactlyElementsOf(TestVectors.hexList(vector.get("proof")));
        }
    }

    @Test
    void outsideHashesLetTheVerifierRebuildTheRootOfEveryRange() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            leaves.add(hasher.leafHash(new byte[] {(byte) i}));
        }
        MerkleTree tree = new MerkleTree(new InMemoryNodes(leaves), hasher);
        RfcMerkle verifier = new RfcMerkle();
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = verifier.rootOf(leaves.subList(0, size));
            for (int start = 0; start <= size; start++) {
                for (int end = start; end <= size; end++) {
                    List<byte[]> outside = tree.hashesOutsideRange(start, end, size);
                    int[] next = {start};
                    byte[] rebuilt = verifier.rootOfRange(size, start, end, outside,
                            (out, offset) -> System.arraycopy(leaves.get(next[0]++), 0, out, offset, 32));
                    assertThat(rebuilt).as("size %d range [%d, %d)", size, start, end).isEqualTo(root);
                    assertThat(next[0]).isEqualTo(end);
                }
            }
        }
    }

    @Test
    void aLeafOutsideTheTreeHasNoInclusionPath() {
        MerkleTree tree = new MerkleTree(new InMemoryNodes(vectorLeafHashes()), hasher);
        assertThatThrownBy(() -> tree.inclusionPath(5, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaf index 5 is outside a tree of size 5");
        assertThatThrownBy(() -> tree.consistencyProof(6, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first tree size 6 exceeds second tree size 5");
    }
}
