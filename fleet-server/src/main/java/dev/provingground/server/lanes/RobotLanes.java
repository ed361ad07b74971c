package dev.provingground.server.lanes;

import dev.provingground.server.lifecycle.Lifecycle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spreads robot traffic over several event loops. Each robot has one lane, chosen by its id, and everything it
 * reports (decoding, the registry, zone evaluation, evidence) runs there in the order it arrived, so a robot's
 * messages stay ordered and the per-robot state of every listener is touched by one thread at a time. What is global
 * — dispatch, elevators, the track record, the live feed — stays on the server's own context (its home) and is
 * reached from a lane by a message ({@link #home()}), never by a lock on the hot path.
 *
 * <p>With one lane (or before {@link #start()}) there is no hand-over at all: a robot's work runs where it is handed
 * in, on the server's context, as it did before lanes existed — the single-loop configuration that benchmarks compare
 * against and virtual-time tests rely on.
 */
public final class RobotLanes implements Lifecycle {

    private static final Logger LOG = Logger.getLogger(RobotLanes.class.getName());

    private final Vertx vertx;
    private final Context home;
    private final int count;
    private final Executor homeExecutor;
    private final LongAdder handedOver = new LongAdder();
    private volatile List<Context> lanes = List.of();
    private String deployment;

    /**
     * @param home  the server's own context, where the global parts run
     * @param count lanes wanted; 1 keeps every robot's work on {@code home}
     */
    public RobotLanes(Vertx vertx, Context home, int count) {
        if (count < 1) throw new IllegalArgumentException("robot lanes: must be at least 1, got " + count);
        this.vertx = vertx;
        this.home = home;
        this.count = count;
        this.homeExecutor = count == 1 ? Runnable::run : work -> {
            if (Vertx.currentContext() == home) work.run();
            else home.runOnContext(v -> work.run());
        };
    }

    /** How many lanes robot traffic is spread over once started. */
    public int count() {
        return count;
    }

    /** The lanes' contexts once started; empty with one lane, whose work runs on the server's context. */
    public List<Context> contexts() {
        return lanes;
    }

    /** Robot work handed from one thread to a lane's since start; none with one lane. */
    public long handedOver() {
        return handedOver.sum();
    }

    /**
     * Where work that belongs to the server's context is handed to: run at once when already there, else queued
     * there in the order handed in. With one lane this is simply the caller's thread.
     */
    public Executor home() {
        return homeExecutor;
    }

    /**
     * Runs {@code work} for {@code robotId} on the robot's lane, after whatever was handed in for that lane before
     * from the same thread. A failure is logged and does not stop the lane.
     */
    public void run(String robotId, Runnable work) {
        List<Context> current = lanes;
        if (current.isEmpty()) {
            guarded(robotId, work);
            return;
        }
        Context lane = current.get(Math.floorMod(robotId.hashCode(), current.size()));
        handedOver.increment();
        lane.runOnContext(v -> guarded(robotId, work));
    }

    private static void guarded(String robotId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "work for robot " + robotId + " failed", e);
        }
    }

    /**
     * Runs {@code work} on {@code context} (at once when already there, or when there is none) and completes with
     * its result: for a robot's lane writing to a connection that lives on another event loop.
     */
    public static <T> Future<T> onContext(Context context, Supplier<Future<T>> work) {
        if (context == null || Vertx.currentContext() == context) return work.get();
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> {
            try {
                work.get().onComplete(result);
            } catch (RuntimeException e) {
                result.fail(e);
            }
        });
        return result.future();
    }

    /** Opens the lanes: one event-loop context each, deployed as instances of one verticle. */
    @Override
    public Future<Void> start() {
        if (count == 1) return Future.succeededFuture();
        List<Context> opened = new ArrayList<>();
        return vertx.deployVerticle(() -> context -> {
                    synchronized (opened) {
                        opened.add(context);
                    }
                    return Future.succeededFuture();
                }, new DeploymentOptions().setInstances(count))
                .compose(id -> {
                    deployment = id;
                    return threadsOf(opened);
                })
                .map(threads -> {
                    lanes = List.copyOf(opened);
                    LOG.info("robot traffic on " + count + " lanes: " + threads);
                    return null;
                });
    }

    private static Future<List<String>> threadsOf(List<Context> contexts) {
        List<Future<String>> names = new ArrayList<>();
        for (Context c : contexts) {
            Promise<String> name = Promise.promise();
            c.runOnContext(v -> name.complete(Thread.currentThread().getName()));
            names.add(name.future());
        }
        return Future.all(names).map(all -> all.list());
    }

    /**
     * Lets every lane finish what was handed to it, then closes the lanes; work handed in afterwards runs where it is
     * handed in. Call after the robot link stopped, so nothing new arrives.
     */
    @Override
    public Future<Void> stop() {
        List<Context> current = lanes;
        if (current.isEmpty()) return Future.succeededFuture();
        List<Future<Void>> drained = new ArrayList<>();
        for (Context lane : current) {
            Promise<Void> done = Promise.promise();
            lane.runOnContext(v -> done.complete());
            drained.add(done.future());
        }
        return Future.all(drained).compose(all -> {
            lanes = List.of();
            String id = deployment;
            deployment = null;
            return id == null ? Future.<Void>succeededFuture() : vertx.undeploy(id);
        }).compose(v -> {
            // The lanes' last messages to the server's context are queued before this; let them be handled first.
            Promise<Void> settled = Promise.promise();
            home.runOnContext(x -> settled.complete());
            return settled.future();
        });
    }
}
