package dev.provingground.trackrecord.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.verify.RfcMerkle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Arrays;

/**
 * Kills a child JVM with SIGKILL while it appends at full speed, then checks the reopened log: it verifies, holds
 * every event reported durable, and is consistent with every checkpoint signed before the kill.
 */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    private final AtomicLong reportedDurable = new AtomicLong(-1);
    private final List<String> checkpointsBeforeKill = new CopyOnWriteArrayList<>();

    @Test
    void aLogKilledMidAppendReopensWithEveryDurableEventAndConsistentCheckpoints() throws Exception {
        Path data = dir.resolve("data");
        runAndKill(data, 2);
        long durableAfterFirstKill = reportedDurable.get();
        int checkpointsAfterFirstKill = checkpointsBeforeKill.size();
        runAndKill(data, 1);
        runAndKill(data, 1);

        assertThat(durableAfterFirstKill).as("the first child reported durable events").isGreaterThan(10_000);
        assertThat(reportedDurable.get()).as("the second child appended after reopening").isGreaterThan(durableAfterFirstKill);
        assertThat(checkpointsAfterFirstKill).isGreaterThanOrEqualTo(2);

        try (TrackRecordStore store = TrackRecordStore.open(data, CrashAppender.CONFIG)) {
            long size = store.size(CrashAppender.LOG);
            assertThat(size).as("every event reported durable is present").isGreaterThan(reportedDurable.get());

            RfcMerkle merkle = new RfcMerkle();
            List<byte[]> leafHashes = new ArrayList<>((int) size);
            long[] mismatches = {0};
            store.reader(CrashAppender.LOG).forEachEntry(0, size, (index, entry) -> {
                if (!Arrays.equals(entry, CrashAppender.event(index))) {
                    mismatches[0]++;
                }
                leafHashes.add(merkle.leafHash(entry));
            });
            assertThat(mismatches[0]).as("leaves that differ from what was appended at their index").isZero();

            byte[] root = merkle.rootOf(leafHashes);
            SignedCheckpoint now = awaitCheckpointOf(store, size);
            assertThat(now.treeSize()).as("the tail left unsigned by the kill is signed without new events").isEqualTo(size);
            assertThat(now.checkpoint().rootHash()).as("the signed root is the root of the stored leaves").isEqualTo(root);

            for (String note : checkpointsBeforeKill) {
                SignedCheckpoint old = SignedCheckpoint.verify(note, store.verifierKey());
                assertThat(old.treeSize()).isLessThanOrEqualTo(size);
                List<byte[]> proof = store.consistencyProof(CrashAppender.LOG, old.treeSize(), size).proof();
                assertThat(merkle.verifyConsistency(old.treeSize(), size, old.checkpoint().rootHash(), root, proof))
                        .as("checkpoint of size %d is consistent with the tree after restart", old.treeSize()).isTrue();
            }
        }
    }

    private static SignedCheckpoint awaitCheckpointOf(TrackRecordStore store, long size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        SignedCheckpoint latest = store.latestCheckpoint(CrashAppender.LOG).orElse(null);
        while ((latest == null || latest.treeSize() < size) && System.nanoTime() < deadline) {
            // Documented exception: the reopened store signs the unsigned tail on its writer's own timer, which
            // announces nothing; a short poll is the only way to see it from outside.
            Thread.sleep(20);
            latest = store.latestCheckpoint(CrashAppender.LOG).orElse(null);
        }
        assertThat(latest).isNotNull();
        return latest;
    }

    /** Starts the child, waits for {@code checkpoints} new checkpoints and plenty of durable events, then SIGKILLs it. */
    private void runAndKill(Path data, int checkpoints) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashAppender.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int seenBefore = checkpointsBeforeKill.size();
        long durableBefore = reportedDurable.get();
        Thread readerThread = new Thread(() -> readReports(child));
        readerThread.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && child.isAlive()
                    && (checkpointsBeforeKill.size() < seenBefore + checkpoints || reportedDurable.get() < durableBefore + 20_000)) {
                // Documented exception: progress is reported by another process on a pipe read by another thread;
                // the kill must come while it runs, at a moment no future of ours can mark.
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the child is still appending when killed").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            readerThread.join(10_000);
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(checkpointsBeforeKill.size()).isGreaterThanOrEqualTo(seenBefore + checkpoints);
    }

    private void readReports(Process child) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("durable ")) {
                    long index = Long.parseLong(line.substring("durable ".length()));
                    reportedDurable.accumulateAndGet(index, Math::max);
                } else if (line.startsWith("checkpoint ")) {
                    checkpointsBeforeKill.add(new String(Base64.getDecoder().decode(line.substring("checkpoint ".length())),
                            StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // The child died mid-line; everything complete before that was recorded.
        }
    }
}
