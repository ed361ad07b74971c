package dev.provingground.server.wiring;

import dev.provingground.server.lifecycle.Lifecycle;
import io.vertx.core.Future;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import dev.provingground.server.errors.PortInUseException;

/**
 * The server's parts that start and stop, each named for the log: started one after another in the order added and
 * stopped in reverse, so no part stops before one that relies on it. When a part fails to start, the parts begun so
 * far — the failing one too, to let go of whatever it took — are stopped and the start fails with that part's error.
 * A part that fails to stop is logged and the others are stopped all the same; the stop then fails with the first
 * error. Runs on the server's context.
 */
final class ServerLifecycle implements Lifecycle {

    private static final Logger LOG = Logger.getLogger(ServerLifecycle.class.getName());

    private record Part(String name, Lifecycle lifecycle) {
    }

    private final List<Part> parts = new ArrayList<>();
    /** Parts begun and not yet stopped, the last begun first. */
    private final Deque<Part> begun = new ArrayDeque<>();

    /** Adds a part that starts after every part added before it. */
    ServerLifecycle add(String name, Lifecycle part) {
        parts.add(new Part(name, part));
        return this;
    }

    @Override
    public Future<Void> start() {
        Future<Void> started = Future.succeededFuture();
        for (Part part : parts) started = started.compose(v -> start(part));
        return started.recover(e -> stop().transform(ignored -> Future.failedFuture(e)));
    }

    private Future<Void> start(Part part) {
        begun.push(part);
        // A taken port is the user's to fix and the launcher says so in one line; anything else is logged here.
        return attempt(part.lifecycle()::start).onFailure(e -> {
            if (!(e instanceof PortInUseException)) LOG.warning("starting " + part.name() + ": " + e);
        });
    }

    @Override
    public Future<Void> stop() {
        return stopNext(null);
    }

    private Future<Void> stopNext(Throwable firstFailure) {
        Part part = begun.poll();
        if (part == null) return firstFailure == null ? Future.succeededFuture() : Future.failedFuture(firstFailure);
        return attempt(part.lifecycle()::stop).transform(stopped -> {
            if (stopped.succeeded()) return stopNext(firstFailure);
            LOG.warning("stopping " + part.name() + ": " + stopped.cause());
            return stopNext(firstFailure == null ? stopped.cause() : firstFailure);
        });
    }

    /** A part that throws rather than failing its future has failed all the same. */
    private static Future<Void> attempt(Supplier<Future<Void>> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
