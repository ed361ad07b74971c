package dev.provingground.server.store;

import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.SmallDisk;
import dev.provingground.trackrecord.store.StorageUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How MapDB (3.1.0, on the redo-log volume) fails when its disk is full: the commit is refused, nothing of it stays
 * in memory or reaches the file later, and the store notices by itself when space is back.
 */
class MapDbStoreDiskFullIT {

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
    void aCommitRefusedForWantOfSpaceLeavesNothingBehindAndTheStoreRecoversWhenSpaceIsBack() throws Exception {
        Path file = disk.root().resolve("fleet.db");
        try (MapDbStore store = MapDbStore.open(file, new StoreConfig(10, 1000, 50))) {
            MapDbStore.Table table = store.table("things");
            store.writeAll(w -> w.put(table, "before", bytes("kept"))).join();

            disk.fill();
            // Large enough to need pages beyond those already allocated to the file.
            byte[] big = new byte[3 * 1024 * 1024];
            assertThatThrownBy(() -> store.writeAll(w -> w.put(table, "during", big).put(table, "also", bytes("x")))
                    .join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(StorageUnavailableException.class);
            // Small enough to fit the file as allocated: refused when its redo record finds no space.
            assertThatThrownBy(() -> store.writeAll(w -> w.put(table, "small", bytes("x"))).join())
                    .hasCauseInstanceOf(StorageUnavailableException.class);
            assertThat(store.health().failing()).isTrue();
            assertThat(store.health().reason()).contains("No space left on device");
            assertThat(table.readAll()).as("the refused change is not in memory").containsOnlyKeys("before");

            disk.free();
            Await.until("the store writes again by itself", Duration.ofSeconds(10), () -> !store.health().failing());
            store.writeAll(w -> w.put(table, "after", bytes("kept too"))).join();
            assertThat(table.readAll()).containsOnlyKeys("before", "after");
        }
        try (MapDbStore reopened = MapDbStore.open(file, new StoreConfig(10, 1000, 50))) {
            assertThat(reopened.table("things").readAll()).as("the refused change never reached the file")
                    .containsOnlyKeys("before", "after");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
