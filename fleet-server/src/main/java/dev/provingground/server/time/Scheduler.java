package dev.provingground.server.time;

import java.time.Duration;

/**
 * Where the server's periodic and delayed work is scheduled, instead of on Vert.x timers directly: the state flush,
 * dispatch rounds, elevator ticks, checkpoint cadence, link retries. Production runs it on Vert.x timers of the
 * server's context ({@link VertxScheduler}); tests run it on a virtual clock that moves only when the test moves it,
 * so behaviour over hours runs in milliseconds and the same way every run.
 *
 * <p>Every task runs on the server's context, one at a time, like any other handler there.
 */
public interface Scheduler {

    /** Runs {@code task} every {@code period}, the first time one period from now. */
    long periodic(Duration period, Runnable task);

    /** Runs {@code task} once, {@code delay} from now; a zero delay means as soon as the context is free. */
    long once(Duration delay, Runnable task);

    /** Stops a periodic task or one not yet run; false when there was nothing to stop. */
    boolean cancel(long id);
}
