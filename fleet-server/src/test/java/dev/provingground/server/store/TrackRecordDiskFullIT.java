package dev.provingground.server.store;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.SmallDisk;
import dev.provingground.trackrecord.TrackRecordConfig;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.Incident;
import dev.provingground.trackrecord.event.RecordGap;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.ExportQuery;
import dev.provingground.trackrecord.export.ProgressListener;
import dev.provingground.trackrecord.log.LeafIndex;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.store.StorageHealth;
import dev.provingground.trackrecord.store.StorageUnavailableException;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The track-record writer on a disk that fills up: it holds what it may, refuses and counts the rest, and once space
 * is back writes what it held, then a {@code record.gap} saying how many were refused, all in a verifying export.
 */
class TrackRecordDiskFullIT {

    private static final LogId ACME = LogId.firmLog("site-a", "acme");
    private static final int HELD = 5;

    @TempDir
    Path scratch;
    SmallDisk disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = SmallDisk.mount(Files.createDirectories(scratch.resolve("disk")), scratch, 8);
    }

    @AfterEach
    void unmount() throws Exception {
        disk.close();
    }

    @Test
    void eventsBeyondWhatTheWriterMayHoldAreRefusedCountedAndRecordedAsAGapOnceSpaceIsBack() throws Exception {
        Path dir = disk.root().resolve("track-record");
        EventCodec codec = new EventCodec();
        try (TrackRecordStore store = TrackRecordStore.open(dir, TrackRecordConfig.defaults().withMaxHeldEvents(HELD),
                Clock.systemUTC())) {
            for (int i = 0; i < 3; i++) record(store, "before " + i).join();
            // Signed now, the next automatic checkpoint is 5 s away: no write is under way while the disk fills.
            store.checkpointNow(ACME).join();

            disk.fill();
            List<CompletableFuture<List<LeafIndex>>> during = new ArrayList<>();
            during.add(record(store, "during 0"));
            Await.until("the writer failing", Duration.ofSeconds(10), () -> store.health().failing());
            for (int i = 1; i < 11; i++) during.add(record(store, "during " + i));
            Await.until("every append held or refused", Duration.ofSeconds(10),
                    () -> during.stream().filter(CompletableFuture::isDone).count() == 11 - HELD);
            StorageHealth failing = store.health();
            assertThat(failing.reason()).contains("No space left on device");
            assertThat(failing.heldEvents()).isEqualTo(HELD);
            assertThat(failing.droppedEvents()).isEqualTo(11 - HELD);
            for (CompletableFuture<List<LeafIndex>> refused : during.subList(HELD, 11)) {
                assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(StorageUnavailableException.class);
            }
            assertThat(during.subList(0, HELD)).as("held, not yet acknowledged").noneMatch(CompletableFuture::isDone);

            disk.free();
            Await.until("the writer writing again by itself", Duration.ofSeconds(10), () -> !store.health().failing());
            for (int i = 0; i < HELD; i++) {
                assertThat(during.get(i).join().get(0).index()).as("held events keep their order").isEqualTo(3 + i);
            }
            record(store, "after").join();
            store.flush().join();
            assertThat(store.size(ACME)).as("3 before, 5 held, the gap and 1 after").isEqualTo(3 + HELD + 2);
            TrackEvent gap = codec.decode(store.entry(ACME, 3 + HELD));
            assertThat(gap.body()).isEqualTo(new RecordGap(11 - HELD, "storage failed (No space left on device) and "
                    + HELD + " events were already held"));

            store.checkpointNow(ACME).join();
            Path bundle = scratch.resolve("acme.zip");
            try (OutputStream out = Files.newOutputStream(bundle)) {
                store.export(ACME, new ExportQuery(null, null, Set.of(), null), out, ProgressListener.NONE);
            }
            VerifyResult verified = new BundleVerifier().verify(bundle, store.verifierKey());
            assertThat(verified.ok()).as(verified.firstProblem()).isTrue();
        }
        try (TrackRecordStore reopened = TrackRecordStore.open(dir, TrackRecordConfig.defaults())) {
            assertThat(reopened.size(ACME)).isEqualTo(3 + HELD + 2);
        }
    }

    private static CompletableFuture<List<LeafIndex>> record(TrackRecordStore store, String what) {
        return store.record(new TrackEvent(java.time.Instant.now(), "site-a", "acme", null,
                new Incident(Incident.Severity.MINOR, what, "test")));
    }
}
