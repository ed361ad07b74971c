package dev.provingground.server.wiring;

import dev.provingground.server.lifecycle.Lifecycle;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerLifecycleTest {

    final List<String> log = new ArrayList<>();

    /** A part that logs its starts and stops, failing the ones it is told to. */
    private Lifecycle part(String name, boolean startFails, boolean stopFails) {
        return new Lifecycle() {
            @Override
            public Future<Void> start() {
                log.add("start " + name);
                return startFails ? Future.failedFuture(name + " cannot start") : Future.succeededFuture();
            }

            @Override
            public Future<Void> stop() {
                log.add("stop " + name);
                if (stopFails) throw new IllegalStateException(name + " cannot stop");
                return Future.succeededFuture();
            }
        };
    }

    private Lifecycle part(String name) {
        return part(name, false, false);
    }

    @Test
    void partsStartInTheOrderAddedAndStopInReverse() {
        ServerLifecycle lifecycle = new ServerLifecycle().add("store", part("store")).add("link", part("link"))
                .add("api", part("api"));

        assertThat(lifecycle.start().succeeded()).isTrue();
        assertThat(lifecycle.stop().succeeded()).isTrue();

        assertThat(log).containsExactly("start store", "start link", "start api", "stop api", "stop link", "stop store");
    }

    @Test
    void aPartThatFailsToStartHasThePartsBegunSoFarStoppedAndFailsTheStart() {
        ServerLifecycle lifecycle = new ServerLifecycle().add("store", part("store"))
                .add("link", part("link", true, false)).add("api", part("api"));

        Future<Void> started = lifecycle.start();

        assertThat(started.failed()).isTrue();
        assertThat(started.cause()).hasMessage("link cannot start");
        assertThat(log).containsExactly("start store", "start link", "stop link", "stop store");
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheOthersRunningAndItsErrorIsReported() {
        ServerLifecycle lifecycle = new ServerLifecycle().add("store", part("store"))
                .add("link", part("link", false, true)).add("api", part("api"));
        lifecycle.start();

        Future<Void> stopped = lifecycle.stop();

        assertThat(log).endsWith("stop api", "stop link", "stop store");
        assertThat(stopped.failed()).isTrue();
        assertThat(stopped.cause()).hasMessage("link cannot stop");
    }

    @Test
    void stoppingAgainOrBeforeAnyStartStopsNothing() {
        ServerLifecycle lifecycle = new ServerLifecycle().add("store", part("store"));
        assertThat(lifecycle.stop().succeeded()).isTrue();
        lifecycle.start();
        lifecycle.stop();

        assertThat(lifecycle.stop().succeeded()).isTrue();

        assertThat(log).containsExactly("start store", "stop store");
    }
}
