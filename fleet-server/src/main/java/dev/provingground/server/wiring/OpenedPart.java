package dev.provingground.server.wiring;

import dev.provingground.server.lifecycle.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * A part the wiring opened as it built it — the database, the track record, the buffer of state samples — so there
 * is nothing left to start; when the server stops, it is flushed and closed.
 */
final class OpenedPart implements Lifecycle {

    private final Supplier<Future<Void>> close;

    private OpenedPart(Supplier<Future<Void>> close) {
        this.close = close;
    }

    /** Closed by {@code close} on the server's context. */
    static OpenedPart closedBy(Runnable close) {
        return new OpenedPart(() -> {
            close.run();
            return Future.succeededFuture();
        });
    }

    /** Closed by {@code close} on a worker thread: writing files out blocks. */
    static OpenedPart closedOnWorker(Vertx vertx, Runnable close) {
        return new OpenedPart(() -> vertx.<Void>executeBlocking(() -> {
            close.run();
            return null;
        }));
    }

    @Override
    public Future<Void> start() {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop() {
        return close.get();
    }
}
