package dev.provingground.agent.support;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs test code on one Vert.x context, as the agent runs its parts, and hands the result to the test thread. */
public final class OnContext {

    private final Context context;

    public OnContext(Vertx vertx) {
        this.context = vertx.getOrCreateContext();
    }

    public <T> T call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
