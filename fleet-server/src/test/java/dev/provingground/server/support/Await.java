package dev.provingground.server.support;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Future;
import io.vertx.mqtt.MqttConnectionException;
import io.vertx.mqtt.messages.MqttConnAckMessage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;

/** Blocking waits for tests: on the test thread, never on an event loop. */
public final class Await {

    private Await() {
    }

    public static <T> T result(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static Throwable failure(Future<?> f) {
        try {
            f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure, got success");
    }

    /** The CONNACK code of an MQTT connect, accepted or refused, so that refusals can be asserted. */
    public static MqttConnectReturnCode connack(Future<MqttConnAckMessage> connect) {
        try {
            return connect.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).code();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MqttConnectionException refused) return refused.code();
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Checks conditions off the test thread, so a test waits on a future instead of sleeping between looks. */
    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "await-watcher");
        t.setDaemon(true);
        return t;
    });

    /**
     * Waits until the condition holds, for what happens on the other side of a socket or in another process, which
     * announces nothing: the condition is checked every 20 ms by a watcher and the test thread waits on the future it
     * completes. Fails naming what was awaited; an error thrown by the condition fails at once.
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        CompletableFuture<Void> seen = new CompletableFuture<>();
        ScheduledFuture<?> watch = WATCHER.scheduleWithFixedDelay(() -> {
            try {
                if (condition.getAsBoolean()) seen.complete(null);
            } catch (Throwable e) {
                seen.completeExceptionally(e);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        try {
            seen.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            watch.cancel(false);
        }
    }
}
