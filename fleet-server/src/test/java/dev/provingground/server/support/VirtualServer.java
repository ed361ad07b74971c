package dev.provingground.server.support;

import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.time.VirtualClock;
import dev.provingground.server.time.VirtualScheduler;
import dev.provingground.server.wiring.Environment;
import dev.provingground.server.wiring.FleetServer;
import dev.provingground.site.Site;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A real fleet server in virtual time, with robots and lift controllers on an in-process link: its clock moves only
 * when the test moves it ({@link #advance}), its robots are hand-driven ({@link #robot}) and every message is handled
 * before the call that sent it returns. Its HTTP API listens on loopback as usual ({@link #api()}).
 */
public final class VirtualServer implements AutoCloseable {

    /** A Monday morning, so service hours and site time zones read the same every run. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T08:00:00Z");
    /** Seed of the ids the server makes up. */
    public static final long SEED = 5050;

    private final TestServer server;
    private final VirtualScheduler scheduler;
    private final InProcessLink link;

    private VirtualServer(TestServer server, VirtualScheduler scheduler, InProcessLink link) {
        this.server = server;
        this.scheduler = scheduler;
        this.link = link;
    }

    public static VirtualServer start(Path dataDir) throws Exception {
        return start(dataDir, List.of(TestServer.testSite()));
    }

    public static VirtualServer start(Path dataDir, List<Site> sites) throws Exception {
        return start(dataDir, sites, new VirtualClock(MONDAY_MORNING));
    }

    /** A server on {@code dataDir} (new or kept from an earlier run) keeping time by {@code clock}. */
    public static VirtualServer start(Path dataDir, List<Site> sites, VirtualClock clock) throws Exception {
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        InProcessLink link = new InProcessLink();
        Environment environment = new Environment(clock, context -> scheduler, link, new Random(SEED));
        // One lane: robots reach the server in-process on the test's thread, and everything happens in virtual time.
        TestServer server = TestServer.start(dataDir, MqttConfig.defaults().withPort(0).withRobotLanes(1), sites,
                environment, StoreConfig.defaults());
        return new VirtualServer(server, scheduler, link);
    }

    /** The operator's way in: HTTP on loopback. */
    public TestServer api() {
        return server;
    }

    public FleetServer server() {
        return server.server;
    }

    public String operatorToken() {
        return server.operatorToken;
    }

    public VirtualClock clock() {
        return scheduler.clock();
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    public InProcessLink link() {
        return link;
    }

    /** A hand-driven robot that logs in with the given MQTT credentials over the in-process link. */
    public InProcessRobot robot(String manufacturer, String serialNumber, String username, String password) {
        return new InProcessRobot(this, manufacturer, serialNumber, username, password);
    }

    /** Moves the virtual clock by {@code duration}, running the server's timers that fall due; then settles. */
    public void advance(Duration duration) {
        onServer(() -> {
            scheduler.advanceBy(duration);
            link.deliver();
        });
        settle();
    }

    /**
     * Moves the virtual clock a tenth of a second at a time until {@code condition} (checked on the test thread,
     * e.g. over HTTP) holds; fails naming what was awaited after {@code budget} of virtual time.
     */
    public void advanceUntil(String what, Duration budget, BooleanSupplier condition) {
        Instant deadline = clock().instant().plus(budget);
        while (!condition.getAsBoolean()) {
            if (!clock().instant().isBefore(deadline))
                throw new AssertionError("not within " + budget + " of virtual time: " + what);
            advance(Duration.ofMillis(100));
        }
    }

    /** Runs what is due now (dispatch rounds asked for), hands over what the server sent, waits for the stores. */
    public void settle() {
        onServer(() -> {
            do {
                scheduler.runDue();
            } while (link.deliver() > 0);
        });
        await(server().store().flush());
        await(server().trackRecord().flush());
    }

    /** Runs {@code work} on the server's context and waits for it. */
    public <T> T onServer(Supplier<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        server().context().runOnContext(v -> {
            try {
                done.complete(work.get());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return await(done);
    }

    public void onServer(Runnable work) {
        onServer(() -> {
            work.run();
            return null;
        });
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
