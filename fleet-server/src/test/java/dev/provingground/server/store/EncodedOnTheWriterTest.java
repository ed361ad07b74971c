package dev.provingground.server.store;

import dev.provingground.server.config.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncodedOnTheWriterTest {

    @TempDir
    Path dir;

    @Test
    void aValueToEncodeIsEncodedOnTheWriterThreadNotTheCallers() throws Exception {
        AtomicReference<String> encodedOn = new AtomicReference<>();
        try (MapDbStore store = MapDbStore.open(dir.resolve("s.mapdb"), StoreConfig.defaults())) {
            MapDbStore.Table table = store.table("t");
            store.writeAll(w -> w.putEncoded(table, "k", () -> {
                encodedOn.set(Thread.currentThread().getName());
                return bytes("v");
            })).get(10, TimeUnit.SECONDS);

            assertThat(encodedOn.get()).isEqualTo("mapdb-writer");
            assertThat(table.get("k")).isEqualTo(bytes("v"));
        }
    }

    @Test
    void aValueThatCannotBeEncodedRefusesItsOwnChangeAndTheOthersCommit() throws Exception {
        Path file = dir.resolve("s.mapdb");
        try (MapDbStore store = MapDbStore.open(file, StoreConfig.defaults())) {
            MapDbStore.Table table = store.table("t");
            CompletableFuture<Void> broken = store.writeAll(w -> w.put(table, "a", bytes("1"))
                    .putEncoded(table, "b", () -> {
                        throw new IllegalArgumentException("no JSON for this");
                    }));
            CompletableFuture<Void> fine = table.put("c", bytes("3"));

            assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("cannot encode the change: no JSON for this");
            fine.get(10, TimeUnit.SECONDS);
            assertThat(store.health().failing()).as("an encoding fault is no storage fault").isFalse();
        }
        try (MapDbStore reopened = MapDbStore.open(file, StoreConfig.defaults())) {
            assertThat(reopened.table("t").readAll()).containsOnlyKeys("c");
        }
    }

    @Test
    void writesGatheredWhenTheirTurnComesAreGatheredOnTheWriterAndCommittedTogether() throws Exception {
        AtomicReference<String> gatheredOn = new AtomicReference<>();
        try (MapDbStore store = MapDbStore.open(dir.resolve("s.mapdb"), StoreConfig.defaults())) {
            MapDbStore.Table table = store.table("t");
            store.writeGathered(w -> {
                gatheredOn.set(Thread.currentThread().getName());
                w.put(table, "a", bytes("1")).putEncoded(table, "b", () -> bytes("2"));
            }).get(10, TimeUnit.SECONDS);

            assertThat(gatheredOn.get()).isEqualTo("mapdb-writer");
            assertThat(table.get("a")).isEqualTo(bytes("1"));
            assertThat(table.get("b")).isEqualTo(bytes("2"));
        }
    }

    @Test
    void aGatheringThatFailsRefusesItsOwnChangeOnly() throws Exception {
        try (MapDbStore store = MapDbStore.open(dir.resolve("s.mapdb"), StoreConfig.defaults())) {
            MapDbStore.Table table = store.table("t");
            CompletableFuture<Void> broken = store.writeGathered(w -> {
                w.put(table, "a", bytes("1"));
                throw new IllegalStateException("registry gone");
            });
            table.put("c", bytes("3")).get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS)).hasMessageContaining("registry gone");
            assertThat(table.get("a")).isNull();
            assertThat(table.get("c")).isEqualTo(bytes("3"));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
