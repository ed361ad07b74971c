package dev.provingground.trackrecord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.Serializer;

class RecycledMemoryVolumeTest {

    /** 1 KiB slices, so that crossing a slice boundary needs little data. */
    private static final int SHIFT = 10;

    @TempDir
    Path dir;

    @Test
    void dataWrittenAcrossASliceBoundaryReadsBackWhole() throws Exception {
        RecycledMemoryVolume volume = new RecycledMemoryVolume(SHIFT);
        volume.ensureAvailable(3000);
        byte[] written = new byte[1500];
        for (int i = 0; i < written.length; i++) written[i] = (byte) (i * 7);

        volume.putDataOverlap(1000, written, 0, written.length);

        byte[] read = new byte[written.length];
        volume.getData(1000, read, 0, read.length);
        assertThat(read).isEqualTo(written);
        byte[] viaInput = new byte[written.length];
        volume.getDataInputOverlap(1000, written.length).readFully(viaInput);
        assertThat(viaInput).isEqualTo(written);
        assertThat(volume.length()).isEqualTo(3 * 1024);
        volume.close();
    }

    @Test
    void aVolumeOpenedAfterAnotherClosedReadsAsNewThoughItsSlicesAreReused() {
        RecycledMemoryVolume first = new RecycledMemoryVolume(SHIFT);
        first.ensureAvailable(2048);
        first.putLong(8, 0x0102030405060708L);
        first.putLong(1030, -1L);
        first.close();
        int pooledAfterClose = RecycledMemoryVolume.pooled();

        RecycledMemoryVolume second = new RecycledMemoryVolume(SHIFT);
        second.ensureAvailable(2048);

        assertThat(pooledAfterClose).isGreaterThanOrEqualTo(2);
        assertThat(RecycledMemoryVolume.pooled()).as("the new volume took the closed one's slices")
                .isEqualTo(pooledAfterClose - 2);
        byte[] all = new byte[2048];
        second.getData(0, all, 0, all.length);
        assertThat(all).isEqualTo(new byte[2048]);
        second.close();
    }

    @Test
    void thePoolKeepsAtMostItsBoundOfSlices() {
        RecycledMemoryVolume big = new RecycledMemoryVolume(SHIFT);
        big.ensureAvailable((long) (RecycledMemoryVolume.POOLED_SLICES + 10) << SHIFT);
        big.close();

        assertThat(RecycledMemoryVolume.pooled()).isLessThanOrEqualTo(RecycledMemoryVolume.POOLED_SLICES);
    }

    @Test
    void aStoreCommittingOnRecycledLogsKeepsEveryCommitAcrossAReopen() {
        Path file = dir.resolve("store.mapdb");
        byte[] value = new byte[3000];
        Arrays.fill(value, (byte) 5);
        try (DB db = CrashSafeMapDb.open(file)) {
            var map = db.hashMap("m", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
            for (int commit = 0; commit < 50; commit++) {
                for (int i = 0; i < 20; i++) map.put("k" + commit + "-" + i, value);
                db.commit();
            }
        }
        try (DB db = CrashSafeMapDb.open(file)) {
            var map = db.hashMap("m", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
            assertThat(map).hasSize(1000);
            assertThat(map.get("k49-19")).isEqualTo(value);
        }
    }
}
