package dev.provingground.server.wiring;

import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.errors.PortInUseException;
import dev.provingground.server.metrics.ServerMetrics;
import dev.provingground.site.Site;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A started server with a Vert.x of its own and a shutdown hook that stops both gracefully. */
public record RunningServer(Vertx vertx, FleetServer server, CountDownLatch stopped,
                            List<Runnable> beforeStop) {

    public static RunningServer start(ServerConfig config, List<Site> sites) throws Exception {
        keepSelectedKeysInAHashSet();
        ServerMetrics metrics = new ServerMetrics();
        Vertx vertx = ServerMetrics.newVertx(metrics);
        FleetServer server = new FleetServer(vertx, config, Clock.systemUTC(), sites, metrics);
        try {
            server.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            vertx.close();
            // A taken port is the user's to fix: its message says which and how, and is the whole report.
            if (e.getCause() instanceof PortInUseException taken) throw taken;
            throw new IllegalStateException("server did not start: " + e.getCause().getMessage(), e.getCause());
        }
        RunningServer running = new RunningServer(vertx, server, new CountDownLatch(1),
                new CopyOnWriteArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "shutdown"));
        return running;
    }

    /**
     * Netty swaps the JDK selector's set of ready keys for an array, whose {@code contains} is a linear scan; the
     * JDK's epoll selector calls it for every ready key, so with thousands of robot connections on one event loop
     * each wake-up cost the square of the keys ready: a tenth of the event loop's time at 20,000 states/s from
     * 5,000 robots (JFR). The JDK's own hash set answers at once. Takes effect only before Netty's first event loop
     * in the process (as in {@code serve}, whose Vert.x is made right after); an operator's own
     * {@code -Dio.netty.noKeySetOptimization} wins.
     */
    private static void keepSelectedKeysInAHashSet() {
        if (System.getProperty("io.netty.noKeySetOptimization") == null)
            System.setProperty("io.netty.noKeySetOptimization", "true");
    }

    /** Runs {@code action} (stopping a simulated fleet, say) before the server stops, on shutdown. */
    public void onStop(Runnable action) {
        beforeStop.add(action);
    }

    public void stop() {
        if (stopped.getCount() == 0) return;
        try {
            beforeStop.forEach(Runnable::run);
            server.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("shutdown: " + e.getMessage());
        } finally {
            stopped.countDown();
        }
    }

    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }
}
