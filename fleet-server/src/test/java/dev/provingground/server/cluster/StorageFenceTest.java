package dev.provingground.server.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageFenceTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedWhileTheFirstHoldsTheFence() {
        // Within one JVM the OS lock cannot be taken twice either (FileChannel reports the overlap); between
        // processes the kernel refuses it, and releases it when the holder dies (ClusterIT kills one).
        try (StorageFence first = StorageFence.take(dir, 1)) {
            assertThatThrownBy(() -> StorageFence.take(dir, 2)).isInstanceOf(RuntimeException.class);
            assertThat(first.epoch()).isEqualTo(1);
        }
    }

    @Test
    void theEpochOnDiskOnlyRisesEvenWhenTheClusterProposesALowerOne() throws Exception {
        try (StorageFence f = StorageFence.take(dir, 5)) {
            assertThat(f.epoch()).isEqualTo(5);
        }
        // A cluster that lost its count proposes 1 again; the fence goes on from the disk.
        try (StorageFence f = StorageFence.take(dir, 1)) {
            assertThat(f.epoch()).isEqualTo(6);
        }
        assertThat(StorageFence.epochOnDisk(dir)).isEqualTo(6);
        try (StorageFence f = StorageFence.take(dir, 9)) {
            assertThat(f.epoch()).isEqualTo(9);
        }
    }

    @Test
    void theFenceIsFreeAgainOnceReleased() {
        StorageFence.take(dir, 1).close();
        try (StorageFence again = StorageFence.take(dir, 2)) {
            assertThat(again.epoch()).isEqualTo(2);
        }
    }

    @Test
    void anEpochFileThatIsNoNumberIsNamedNotOverwritten() throws Exception {
        Files.writeString(dir.resolve(StorageFence.EPOCH_FILE), "garbage");
        assertThatThrownBy(() -> StorageFence.take(dir, 1)).hasMessageContaining("owner.epoch")
                .hasMessageContaining("garbage");
        assertThat(Files.readString(dir.resolve(StorageFence.EPOCH_FILE))).isEqualTo("garbage");
    }
}
