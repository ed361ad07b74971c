package dev.provingground.trackrecord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provingground.trackrecord.log.LeafIndex;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.merkle.ConsistencyProof;
import dev.provingground.trackrecord.merkle.InclusionProof;
import dev.provingground.trackrecord.verify.RfcMerkle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.StandardCopyOption;

class TrackRecordStoreTest {

    private static final LogId ACME = LogId.firmLog("site-a", "acme");
    private static final LogId BOLT = LogId.firmLog("site-a", "bolt");
    private static final TrackRecordConfig FAST = TrackRecordConfig.defaults().withCommitInterval(Duration.ofMillis(2));

    @TempDir
    Path dir;

    private final RfcMerkle reference = new RfcMerkle();
    private final List<byte[]> leafHashes = new ArrayList<>();

    private static byte[] leaf(int i) {
        return ("{\"i\":" + i + ",\"pad\":\"" + "x".repeat(i % 17) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private void appendAll(TrackRecordStore store, LogId log, int from, int to) throws Exception {
        List<CompletableFuture<LeafIndex>> pending = new ArrayList<>();
        for (int i = from; i < to; i++) {
            pending.add(store.append(log, leaf(i)));
            leafHashes.add(reference.leafHash(leaf(i)));
        }
        for (int i = 0; i < pending.size(); i++) {
            assertThat(pending.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(new LeafIndex(log, from + i));
        }
    }

    private void assertTreeMatchesReference(TrackRecordStore store, LogId log, long... sizes) {
        for (long size : sizes) {
            byte[] expectedRoot = reference.rootOf(leafHashes.subList(0, (int) size));
            assertThat(store.rootAt(log, size)).as("root at size %d", size).isEqualTo(expectedRoot);
            for (long index : new long[] {0, size / 3, size / 2, size - 2, size - 1}) {
                if (index < 0 || index >= size) {
                    continue;
                }
                InclusionProof proof = store.inclusionProof(log, index, size);
                assertThat(reference.verifyInclusion(index, size, leafHashes.get((int) index), proof.path(), expectedRoot))
                        .as("inclusion of %d in %d", index, size).isTrue();
            }
            for (long from : new long[] {1, size / 2, size - 1}) {
                if (from < 1 || from > size) {
                    continue;
                }
                ConsistencyProof proof = store.consistencyProof(log, from, size);
                byte[] fromRoot = reference.rootOf(leafHashes.subList(0, (int) from));
                assertThat(reference.verifyConsistency(from, size, fromRoot, expectedRoot, proof.proof()))
                        .as("consistency %d -> %d", from, size).isTrue();
            }
        }
    }

    @Test
    void appendedEventsBecomeDurableInOrderAndReadBackExactly() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            appendAll(store, ACME, 0, 10);

            assertThat(store.size(ACME)).isEqualTo(10);
            for (int i = 0; i < 10; i++) {
                assertThat(store.entry(ACME, i)).isEqualTo(leaf(i));
            }
            assertThat(store.logs()).containsExactly(ACME);
        }
    }

    @Test
    void rootsAndProofsMatchAnIndependentTreeAcrossManyTileLevels() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST.withTileHeight(2).withCommitMaxEvents(13))) {
            appendAll(store, ACME, 0, 300);

            long[] sizes = new long[300];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = i + 1;
            }
            assertTreeMatchesReference(store, ACME, sizes);
        }
    }

    @Test
    void rootsAndProofsMatchAcrossTheFirstFullSecondLevelTile() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            appendAll(store, ACME, 0, 66_000);

            assertTreeMatchesReference(store, ACME, 1, 255, 256, 257, 65_535, 65_536, 65_537, 66_000);
        }
    }

    @Test
    void reopeningTheStoreContinuesTheSameTree() throws Exception {
        TrackRecordConfig config = FAST.withTileHeight(3);
        SignedCheckpoint before;
        try (TrackRecordStore store = TrackRecordStore.open(dir, config)) {
            appendAll(store, ACME, 0, 101);
        }
        try (TrackRecordStore store = TrackRecordStore.open(dir, config)) {
            before = store.latestCheckpoint(ACME).orElseThrow();
            assertThat(before.treeSize()).as("close signs a final checkpoint").isEqualTo(101);
            assertThat(store.entry(ACME, 100)).isEqualTo(leaf(100));
            appendAll(store, ACME, 101, 230);
            assertTreeMatchesReference(store, ACME, 101, 102, 230);
            SignedCheckpoint after = store.checkpointNow(ACME).get(10, TimeUnit.SECONDS);

            assertThat(after.treeSize()).isEqualTo(230);
            ConsistencyProof proof = store.consistencyProof(ACME, 101, 230);
            assertThat(reference.verifyConsistency(101, 230, before.checkpoint().rootHash(), after.checkpoint().rootHash(),
                    proof.proof())).isTrue();
        }
    }

    @Test
    void segmentsRollAtTheSizeLimitAndEverythingStaysReadableAfterReopening() throws Exception {
        TrackRecordConfig tiny = FAST.withTileHeight(2).withCommitMaxEvents(37).withSegmentMaxBytes(1);
        try (TrackRecordStore store = TrackRecordStore.open(dir, tiny)) {
            for (int batch = 0; batch < 10; batch++) {
                appendAll(store, ACME, batch * 50, batch * 50 + 50);
            }
        }
        long segments;
        try (Stream<Path> files = Files.list(dir.resolve("logs/site-a/acme"))) {
            segments = files.filter(f -> f.getFileName().toString().matches("segment-\\d{6}\\.mapdb")).count();
        }
        assertThat(segments).as("a roll after every commit that took leaves").isGreaterThanOrEqualTo(10);

        try (TrackRecordStore store = TrackRecordStore.open(dir, tiny)) {
            for (int i = 0; i < 500; i++) {
                assertThat(store.entry(ACME, i)).as("leaf %d", i).isEqualTo(leaf(i));
            }
            appendAll(store, ACME, 500, 530);
            assertTreeMatchesReference(store, ACME, 1, 37, 50, 99, 250, 499, 500, 530);
        }
    }

    @Test
    void siteWideEventsGoToTheSiteLogAndEveryFirmLogOfThatSite() throws Exception {
        LogId globex = LogId.firmLog("site-a", "globex");
        LogId elsewhere = LogId.firmLog("site-b", "acme");
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            store.ensureLog(ACME).get(10, TimeUnit.SECONDS);
            store.ensureLog(globex).get(10, TimeUnit.SECONDS);
            store.ensureLog(elsewhere).get(10, TimeUnit.SECONDS);

            List<LeafIndex> landed = store.appendSiteWide("site-a", leaf(1)).get(10, TimeUnit.SECONDS);

            assertThat(landed).containsExactly(new LeafIndex(LogId.siteLog("site-a"), 0), new LeafIndex(ACME, 0),
                    new LeafIndex(globex, 0));
            assertThat(store.entry(globex, 0)).isEqualTo(leaf(1));
            assertThat(store.size(elsewhere)).isZero();
        }
    }

    @Test
    void eventsThatCannotBeExportedAsOneLineOfJsonAreRefusedWithTheReason() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST.withMaxEventBytes(64))) {
            assertRefused(store.append(ACME, "{\"a\":\n1}".getBytes(StandardCharsets.UTF_8)), "contains a newline");
            assertRefused(store.append(ACME, "[1,2]".getBytes(StandardCharsets.UTF_8)), "not a JSON object");
            assertRefused(store.append(ACME, "{\"a\":1} {}".getBytes(StandardCharsets.UTF_8)), "trailing bytes");
            assertRefused(store.append(ACME, "{\"a\":".getBytes(StandardCharsets.UTF_8)), "not valid UTF-8 JSON");
            assertRefused(store.append(ACME, new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}), "not valid UTF-8 JSON");
            assertRefused(store.append(ACME, ("{\"a\":\"" + "x".repeat(80) + "\"}").getBytes(StandardCharsets.UTF_8)),
                    "exceed the limit of 64");

            assertThat(store.logs()).as("nothing was created by refused events").isEmpty();
        }
    }

    private static void assertRefused(CompletableFuture<LeafIndex> future, String reason) {
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proving-ground/site-a/acme")
                .hasMessageContaining(reason);
    }

    @Test
    void checkpointsWaitForTheirIntervalAndNeverDisagree() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST.withCheckpointInterval(Duration.ofHours(1)))) {
            appendAll(store, ACME, 0, 5);
            SignedCheckpoint first = awaitCheckpoint(store, 5);

            appendAll(store, ACME, 5, 9);
            store.flush().get(10, TimeUnit.SECONDS);
            assertThat(store.latestCheckpoint(ACME).orElseThrow().treeSize())
                    .as("no second automatic checkpoint within the interval").isEqualTo(5);

            SignedCheckpoint second = store.checkpointNow(ACME).get(10, TimeUnit.SECONDS);
            assertThat(second.treeSize()).isEqualTo(9);
            assertThat(SignedCheckpoint.verify(second.note(), store.verifierKey()).checkpoint()).isEqualTo(second.checkpoint());
            assertThat(reference.verifyConsistency(5, 9, first.checkpoint().rootHash(), second.checkpoint().rootHash(),
                    store.consistencyProof(ACME, 5, 9).proof())).isTrue();
            assertThat(second.checkpoint().origin()).isEqualTo("proving-ground/site-a/acme");
        }
    }

    /**
     * A new log's first checkpoint is due at once: the writer signs it right after the commit that made the leaves
     * durable, before it takes the next task, so a flush queued behind them completes only after the signing.
     */
    private static SignedCheckpoint awaitCheckpoint(TrackRecordStore store, long size) throws Exception {
        store.flush().get(10, TimeUnit.SECONDS);
        SignedCheckpoint checkpoint = store.latestCheckpoint(ACME).orElseThrow(() -> new AssertionError("no checkpoint"));
        assertThat(checkpoint.treeSize()).as("size of the first automatic checkpoint").isGreaterThanOrEqualTo(size);
        return checkpoint;
    }

    @Test
    void aStoreWhoseOwnerTimesCheckpointsSignsThemOnlyWhenAsked() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST, java.time.Clock.systemUTC(),
                TrackRecordStore.CheckpointTiming.OWNER)) {
            appendAll(store, ACME, 0, 5);
            store.flush().get(10, TimeUnit.SECONDS);
            assertThat(store.latestCheckpoint(ACME)).as("no checkpoint before the owner asks").isEmpty();

            store.signCheckpoints().get(10, TimeUnit.SECONDS);
            SignedCheckpoint first = store.latestCheckpoint(ACME).orElseThrow();
            assertThat(first.treeSize()).isEqualTo(5);

            appendAll(store, ACME, 5, 7);
            store.signCheckpoints().get(10, TimeUnit.SECONDS);
            SignedCheckpoint second = store.latestCheckpoint(ACME).orElseThrow();
            assertThat(second.treeSize()).isEqualTo(7);
            assertThat(reference.verifyConsistency(5, 7, first.checkpoint().rootHash(), second.checkpoint().rootHash(),
                    store.consistencyProof(ACME, 5, 7).proof())).isTrue();
        }
    }

    @Test
    void aSecondStoreCannotOpenADirectoryInUse() {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            assertThat(store.dataDir()).isEqualTo(dir);
            assertThatThrownBy(() -> TrackRecordStore.open(dir, FAST))
                    .isInstanceOf(RuntimeException.class)
                    .hasMessageContaining("is already open");
        }
    }

    @Test
    void readsBeyondTheDurableSizeAreRefused() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            appendAll(store, ACME, 0, 3);
            assertThatThrownBy(() -> store.inclusionProof(ACME, 1, 4))
                    .hasMessageContaining("tree size 4 is beyond the committed size 3");
            assertThatThrownBy(() -> store.entry(ACME, 3)).hasMessageContaining("leaf 3 does not exist");
            assertThatThrownBy(() -> store.size(LogId.firmLog("site-a", "nobody")))
                    .hasMessageContaining("no track-record log proving-ground/site-a/nobody");
        }
    }

    @Test
    void aSegmentCreatedButNeverCommittedIsDiscardedOnReopening() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            appendAll(store, ACME, 0, 20);
        }
        Path logDir = dir.resolve("logs/site-a/acme");
        Segment.create(logDir, 2, ACME.origin(), 8, 20).close();
        assertThat(Segment.fileName(logDir, 2)).exists();

        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            assertThat(Segment.fileName(logDir, 2)).doesNotExist();
            appendAll(store, ACME, 20, 30);
            assertTreeMatchesReference(store, ACME, 20, 30);
        }
    }

    @Test
    void aLogDirectoryLeftEmptyByACrashStartsAsAnEmptyLog() throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            store.flush().get(10, TimeUnit.SECONDS);
        }
        Files.createDirectories(dir.resolve("logs/site-a/acme"));

        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            assertThat(store.logs()).containsExactly(ACME);
            assertThat(store.size(ACME)).isZero();
            appendAll(store, ACME, 0, 3);
        }
    }

    @Test
    void aLogWhoseStoredHashesNoLongerMatchItsSignedCheckpointIsMovedAsideAndStartsAgainWhileTheOthersOpen()
            throws Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            appendAll(store, ACME, 0, 3);
            appendAll(store, BOLT, 0, 2);
        }
        Path segmentFile = dir.resolve("logs/site-a/acme/segment-000001.mapdb");
        try (Segment segment = Segment.open(segmentFile, 1)) {
            byte[] hashes = StoredValues.tileHashes(segment.tile(0, 0), "test");
            hashes[40] ^= 1;
            segment.putTile(0, 0, StoredValues.tile(hashes, 3));
            segment.commit();
        }

        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            assertThat(store.logsSetAside()).singleElement().satisfies(aside -> {
                assertThat(aside.log()).isEqualTo(ACME);
                assertThat(aside.reason()).contains("stored tree does not match its signed checkpoint at size 3");
                assertThat(aside.keptAt()).isEqualTo(dir.resolve("quarantine/site-a/acme"));
            });
            assertThat(dir.resolve("quarantine/site-a/acme/segment-000001.mapdb")).exists();
            assertThat(store.logs()).containsExactly(BOLT);
            assertThat(store.size(BOLT)).isEqualTo(2);
            appendAll(store, ACME, 0, 2);
            assertThat(store.size(ACME)).as("starts again at leaf 0").isEqualTo(2);
        }
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            assertThat(store.logsSetAside()).as("the fresh log opens").isEmpty();
            assertThat(store.logs()).containsExactlyInAnyOrder(ACME, BOLT);
        }
    }

    @Test
    void aVerifierKeyFileSwappedForAnotherIsDetectedWhenOpened() throws IOException, Exception {
        try (TrackRecordStore store = TrackRecordStore.open(dir, FAST)) {
            appendAll(store, ACME, 0, 3);
        }
        Path otherKeyDir = dir.resolve("other");
        try (TrackRecordStore other = TrackRecordStore.open(otherKeyDir, FAST)) {
            other.flush().get(10, TimeUnit.SECONDS);
        }
        Files.copy(otherKeyDir.resolve("checkpoint-verifier.key"), dir.resolve("checkpoint-verifier.key"),
                StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> TrackRecordStore.open(dir, FAST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match verifier key");
    }
}
