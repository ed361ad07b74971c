package dev.provingground.server.registry;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.store.MapDbAccessStore;
import dev.provingground.server.store.MapDbRobotStore;
import dev.provingground.server.store.MapDbStore;
import dev.provingground.server.time.VirtualScheduler;
import dev.provingground.vda5050.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new MQTT password and a change of who dispatches a robot are durable before they are applied: while the write
 * runs nothing has changed, a failed write changes nothing in memory or on disk, and listeners hear only of what is
 * stored.
 */
class RobotRecordChangesTest {

    @TempDir
    Path data;
    final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-03-01T08:00:00Z"));
    MapDbStore store;
    HeldRobotWrites held;
    RobotRegistry registry;
    final List<String> heard = new CopyOnWriteArrayList<>();
    String id;
    String password;

    @BeforeEach
    void open() {
        store = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults());
        AccessControl access = new AccessControl(new MapDbAccessStore(store), time.clock());
        access.registerFirm("acme", "Acme").join();
        held = new HeldRobotWrites(new MapDbRobotStore(store));
        registry = new RobotRegistry(held, ProfileCatalog.builtIn(), access, () -> Set.of("test"), time.clock());
        var issued = registry.register(new RobotRegistry.Registration("Acme", "A-1", "acme", "indoor-delivery", "test"))
                .join();
        id = issued.value().id();
        password = issued.secret();
        registry.addListener(new RobotListener() {
            @Override
            public void credentialsRotated(Robot robot) {
                heard.add("rotated");
            }

            @Override
            public void dispatchChanged(Robot robot, DispatchMode from, String actor, Instant at) {
                heard.add(from + "->" + robot.dispatch());
            }
        });
        held.hold();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The robots as a restarted server reads them from disk. */
    private Robot stored() {
        store.flush().join();
        return new MapDbRobotStore(store).loadAll().stream().map(RobotStore.Entry::robot)
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aNewPasswordWorksOnlyOnceStoredAndTheOldOneUntilThen() {
        CompletableFuture<String> rotated = registry.rotateCredentials(id, "operator:op1");
        assertThat(registry.authenticateMqtt(id, password)).as("the old password while the new one is written").isPresent();
        assertThat(heard).isEmpty();
        held.release.complete(null);
        String fresh = rotated.join();
        assertThat(registry.authenticateMqtt(id, password)).isEmpty();
        assertThat(registry.authenticateMqtt(id, fresh)).isPresent();
        assertThat(heard).containsExactly("rotated");
        assertThat(stored().mqttSecret()).isEqualTo(registry.require(id).mqttSecret());
    }

    @Test
    void aRotationWhoseWriteFailsLeavesTheOldPasswordInMemoryAndOnDiskAndTellsNobody() {
        var secretBefore = registry.require(id).mqttSecret();
        CompletableFuture<String> rotated = registry.rotateCredentials(id, "operator:op1");
        held.release.completeExceptionally(new IOException("disk full"));
        assertThatThrownBy(rotated::join).hasRootCauseMessage("disk full");
        assertThat(registry.authenticateMqtt(id, password)).isPresent();
        assertThat(registry.require(id).mqttSecret()).isEqualTo(secretBefore);
        assertThat(stored().mqttSecret()).isEqualTo(secretBefore);
        assertThat(heard).isEmpty();
    }

    @Test
    void aDispatchChangeWhoseWriteFailsLeavesTheRobotWithTheServerAndTellsNobody() {
        CompletableFuture<Robot> changed = registry.setDispatch(id, DispatchMode.VENDOR, "firm:acme");
        assertThat(registry.require(id).dispatch()).as("not before it is stored").isEqualTo(DispatchMode.SERVER);
        held.release.completeExceptionally(new IOException("disk full"));
        assertThatThrownBy(changed::join).hasRootCauseMessage("disk full");
        assertThat(registry.require(id).dispatch()).isEqualTo(DispatchMode.SERVER);
        assertThat(stored().dispatch()).isEqualTo(DispatchMode.SERVER);
        assertThat(heard).isEmpty();
    }

    @Test
    void aDispatchChangeAndARotationAtOnceAreBothKept() {
        CompletableFuture<Robot> changed = registry.setDispatch(id, DispatchMode.VENDOR, "firm:acme");
        CompletableFuture<String> rotated = registry.rotateCredentials(id, "firm:acme");
        held.release.complete(null);
        changed.join();
        String fresh = rotated.join();
        assertThat(heard).containsExactly("SERVER->VENDOR", "rotated");
        Robot onDisk = stored();
        assertThat(onDisk.dispatch()).isEqualTo(DispatchMode.VENDOR);
        assertThat(onDisk.mqttSecret()).isEqualTo(registry.require(id).mqttSecret());
        assertThat(registry.authenticateMqtt(id, fresh)).isPresent();
        assertThat(registry.require(id).dispatch()).isEqualTo(DispatchMode.VENDOR);
    }

    @Test
    void aStatusFlushWhileAChangeIsWrittenDoesNotUndoItOnDiskAndIsWrittenAtTheNextFlush() {
        CompletableFuture<Robot> changed = registry.setDispatch(id, DispatchMode.VENDOR, "firm:acme");
        registry.applyConnection(id, ConnectionState.ONLINE, time.clock().instant());
        CompletableFuture<Void> flushed = registry.flushDirty();
        held.release.complete(null);
        changed.join();
        flushed.join();
        assertThat(stored().dispatch()).isEqualTo(DispatchMode.VENDOR);
        registry.flushDirty().join();
        store.flush().join();
        assertThat(new MapDbRobotStore(store).loadAll()).singleElement()
                .satisfies(e -> assertThat(e.status().connection()).isEqualTo(ConnectionState.ONLINE))
                .satisfies(e -> assertThat(e.robot().dispatch()).isEqualTo(DispatchMode.VENDOR));
    }

    /** The real robot store, with writes finishing only when the test releases them (once {@link #hold} is called). */
    private static final class HeldRobotWrites implements RobotStore {
        private final RobotStore real;
        volatile CompletableFuture<Void> release = CompletableFuture.completedFuture(null);

        HeldRobotWrites(RobotStore real) {
            this.real = real;
        }

        void hold() {
            release = new CompletableFuture<>();
        }

        @Override
        public Collection<Entry> loadAll() {
            return real.loadAll();
        }

        @Override
        public CompletableFuture<Void> save(Entry entry) {
            return release.thenCompose(v -> real.save(entry));
        }
    }
}
