package dev.provingground.sim.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

/**
 * The robots of one event loop: connects them a few at a time when deployed, then, once told to begin, wakes every
 * {@value #TICK_MILLIS} ms and has each robot publish what has fallen due. One loop is one thread, so its robots need
 * no locks, and the generator spreads its robots over as many loops as it has threads.
 */
final class LoadLoop extends VerticleBase {

    static final long TICK_MILLIS = 5;
    /** Logins in flight at once per loop: a server checks each password, which takes a while. */
    private static final int CONNECTING_AT_ONCE = 16;
    private static final int CONNECT_ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 500;

    private final List<LoadRobot> robots;
    private final String host;
    private final int port;
    private volatile Thread thread;
    private long timer = -1;

    LoadLoop(List<LoadRobot> robots, String host, int port) {
        this.robots = List.copyOf(robots);
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        thread = Thread.currentThread();
        Queue<LoadRobot> waiting = new ArrayDeque<>(robots);
        Promise<Void> all = Promise.promise();
        int[] running = {0};
        for (int i = 0; i < CONNECTING_AT_ONCE; i++) connectNext(waiting, running, all);
        if (robots.isEmpty()) all.tryComplete();
        return all.future();
    }

    private void connectNext(Queue<LoadRobot> waiting, int[] running, Promise<Void> all) {
        LoadRobot robot = waiting.poll();
        if (robot == null) {
            if (running[0] == 0) all.tryComplete();
            return;
        }
        running[0]++;
        connect(robot, 1).onComplete(done -> {
            running[0]--;
            if (done.failed()) all.tryFail(done.cause());
            else if (!all.future().isComplete()) connectNext(waiting, running, all);
        });
    }

    /** On a loaded machine a login now and then fails ("Closed"); a robot tries again after a short pause. */
    private Future<Void> connect(LoadRobot robot, int attempt) {
        return robot.connect(vertx, host, port).recover(e -> {
            if (attempt >= CONNECT_ATTEMPTS) return Future.failedFuture(e);
            Promise<Void> again = Promise.promise();
            vertx.setTimer(RETRY_PAUSE_MILLIS, id -> connect(robot, attempt + 1).onComplete(again));
            return again.future();
        });
    }

    /** Starts publishing on this loop; every loop shares {@code epochNanos}, so the robots' drives line up. */
    void begin(long epochNanos) {
        context.runOnContext(v -> {
            long now = System.nanoTime();
            robots.forEach(r -> r.beginAt(Math.max(now, epochNanos)));
            timer = vertx.setPeriodic(TICK_MILLIS, id -> {
                long tickNanos = System.nanoTime();
                for (LoadRobot r : robots) r.tick(tickNanos, epochNanos);
            });
        });
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
        return Future.join(robots.stream().map(LoadRobot::disconnect).toList());
    }

    /** The event-loop thread this loop runs on (known once deployed). */
    Thread thread() {
        return thread;
    }
}
