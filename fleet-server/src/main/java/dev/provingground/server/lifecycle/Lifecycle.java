package dev.provingground.server.lifecycle;

import io.vertx.core.Future;

/**
 * A part of the server that starts and stops: the robot link, the HTTP API, periodic work, the stores that must be
 * flushed and closed. The server starts its parts in order and stops them in reverse, so a part stops only after
 * every part that relies on it.
 */
public interface Lifecycle {

    /** Completes once the part does its work (listens, runs, is open). */
    Future<Void> start();

    /** Completes once the part has let go of what it held; a part that never started stops at once. */
    Future<Void> stop();
}
