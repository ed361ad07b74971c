package dev.provingground.server.lifecycle;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;

/**
 * Where the work that follows a store write runs. Stores complete their futures on their own writer thread; a change
 * applied to memory only once it is durable must still be applied on the event loop that reads that memory, or the
 * two threads race. Called on an event loop, the executor hands the work back to it; anywhere else (start-up on a
 * worker, a unit test without Vert.x) it runs the work where the write completed, as before.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** Captures the calling thread's context; call before starting the write. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) return Runnable::run;
        return work -> {
            if (Vertx.currentContext() == context) work.run();
            else context.runOnContext(v -> work.run());
        };
    }
}
