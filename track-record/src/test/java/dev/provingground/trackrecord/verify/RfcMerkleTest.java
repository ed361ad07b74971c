package dev.provingground.trackrecord.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfcMerkleTest {

    private final JsonNode vectors = TestVectors.merkle();
    private final RfcMerkle merkle = new RfcMerkle();
    private final List<byte[]> roots = TestVectors.hexList(vectors.get("roots"));

    private List<byte[]> leafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        for (byte[] leaf : TestVectors.hexList(vectors.get("leaves"))) {
            hashes.add(merkle.leafHash(leaf));
        }
        return hashes;
    }

    @Test
    void hashingMatchesTheReferenceChecks() {
        assertThat(HexFormat.of().formatHex(merkle.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(HexFormat.of().formatHex(merkle.nodeHash("N123".getBytes(StandardCharsets.US_ASCII),
                "N456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void everyPrefixRootMatchesTheVectors() {
        List<byte[]> leaves = leafHashes();
        for (int size = 0; size < roots.size(); size++) {
            assertThat(merkle.rootOf(leaves.subList(0, size))).as("root of %d leaves", size).isEqualTo(roots.get(size));
        }
        assertThat(HexFormat.of().formatHex(roots.get(8)))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void everyInclusionVectorVerifiesAndAnAlteredOneDoesNot() {
        List<byte[]> leaves = leafHashes();
        int checked = 0;
        for (JsonNode vector : vectors.get("inclusion")) {
            int index = vector.get("leafIndex").asInt();
            int size = vector.get("treeSize").asInt();
            List<byte[]> path = TestVectors.hexList(vector.get("path"));
            assertThat(merkle.verifyInclusion(index, size, leaves.get(index), path, roots.get(size)))
                    .as("inclusion of %d in %d", index, size).isTrue();
            if (!path.isEmpty()) {
                List<byte[]> altered = new ArrayList<>(path);
                byte[] first = altered.get(0).clone();
                first[0] ^= 1;
                altered.set(0, first);
                assertThat(merkle.verifyInclusion(index, size, leaves.get(index), altered, roots.get(size))).isFalse();
            }
            assertThat(merkle.verifyInclusion(index, size, leaves.get((index + 1) % 8), path, roots.get(size)))
                    .as("wrong leaf for %d in %d", index, size).isFalse();
            checked++;
        }
        assertThat(checked).isEqualTo(36);
    }

    @Test
    void everyConsistencyVectorVerifiesAndAnAlteredOneDoesNot() {
        int checked = 0;
        for (JsonNode vector : vectors.get("consistency")) {
            int from = vector.get("size1").asInt();
            int to = vector.get("size2").asInt();
            List<byte[]> proof = TestVectors.hexList(vector.get("proof"));
            assertThat(merkle.verifyConsistency(from, to, roots.get(from), roots.get(to), proof))
                    .as("consistency %d -> %d", from, to).isTrue();
            if (!proof.isEmpty()) {
                List<byte[]> altered = new ArrayList<>(proof);
                byte[] last = altered.get(altered.size() - 1).clone();
                last[31] ^= 1;
                altered.set(altered.size() - 1, last);
                assertThat(merkle.verifyConsistency(from, to, roots.get(from), roots.get(to), altered)).isFalse();
                assertThat(merkle.verifyConsistency(from, to, roots.get(to), roots.get(to), proof))
                        .as("wrong first root %d -> %d", from, to).isFalse();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(36);
    }

    @Test
    void equalSizesNeedEqualRootsAndNoProof() {
        assertThat(merkle.verifyConsistency(5, 5, roots.get(5), roots.get(5), List.of())).isTrue();
        assertThat(merkle.verifyConsistency(5, 5, roots.get(5), roots.get(6), List.of())).isFalse();
        assertThat(merkle.verifyConsistency(6, 5, roots.get(6), roots.get(5), List.of())).isFalse();
        assertThat(merkle.verifyConsistency(0, 5, roots.get(0), roots.get(5), List.of())).isTrue();
    }
}
