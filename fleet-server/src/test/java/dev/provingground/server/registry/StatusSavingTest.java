package dev.provingground.server.registry;

import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.elevator.SteppedClock;
import dev.provingground.server.store.MapDbAccessStore;
import dev.provingground.server.store.MapDbStore;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.BatteryState;
import dev.provingground.vda5050.EStop;
import dev.provingground.vda5050.OperatingMode;
import dev.provingground.vda5050.SafetyState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Velocity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry writes a robot's status at the next flush when something but its times changed; a robot that only
 * says again what it said before is written once a minute, and on the way out.
 */
class StatusSavingTest {

    @TempDir
    Path data;

    /** Counts what the registry writes, by robot. */
    private static final class CountingStore implements RobotStore {
        final List<Entry> saved = new ArrayList<>();

        @Override
        public Collection<Entry> loadAll() {
            return List.of();
        }

        @Override
        public CompletableFuture<Void> save(Entry entry) {
            saved.add(entry);
            return CompletableFuture.completedFuture(null);
        }

        long writesOf(String id) {
            return saved.stream().filter(e -> e.robot().id().equals(id)).count();
        }
    }

    private static State state(String serial, double x) {
        return new State(0, null, null, "Acme", serial, List.of(), "", 0, null, "", 0, false, false, false, 0.0,
                OperatingMode.AUTOMATIC, List.of(), List.of(), AgvPosition.of(x, 0, 0, "L1"), Velocity.of(0, 0, 0),
                List.of(), List.of(), BatteryState.of(80, false), List.of(), List.of(), new SafetyState(EStop.NONE, false));
    }

    @Test
    void anIdleRobotIsWrittenOnceAMinuteAMovingOneEverySecondAndBothOnTheWayOut() {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (MapDbStore db = MapDbStore.open(data.resolve("fleet.db"), StoreConfig.defaults())) {
            AccessControl access = new AccessControl(new MapDbAccessStore(db), clock);
            access.registerFirm("acme", "Acme").join();
            CountingStore store = new CountingStore();
            RobotRegistry registry = new RobotRegistry(store, ProfileCatalog.builtIn(), access, () -> Set.of("hall"),
                    clock);
            String idle = registry.register(new RobotRegistry.Registration("Acme", "I-1", "acme", "indoor-delivery",
                    "hall")).join().value().id();
            String moving = registry.register(new RobotRegistry.Registration("Acme", "M-1", "acme", "indoor-delivery",
                    "hall")).join().value().id();
            store.saved.clear();

            for (int second = 0; second < 120; second++) {
                registry.applyState(idle, state("I-1", 5), clock.instant());
                registry.applyState(moving, state("M-1", second * 0.5), clock.instant());
                registry.flushDirty().join();
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(store.writesOf(moving)).as("writes of the moving robot in 120 s").isEqualTo(120);
            assertThat(store.writesOf(idle)).as("writes of the idle robot in 120 s").isBetween(2L, 3L);
            registry.applyState(idle, state("I-1", 5), clock.instant());
            registry.flushAll().join();
            assertThat(store.saved.get(store.saved.size() - 1).status().lastMessageAt())
                    .as("the idle robot's last message, written on the way out").isEqualTo(clock.instant());
        }
    }
}
