package dev.provingground.sim.load;

import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A load generator that can out-run a server: its robots are real MQTT connections (Vert.x MQTT clients) spread over
 * {@link LoadSettings#threads()} event loops of a Vert.x of its own, each loop a verticle publishing for its share of
 * the robots. It works against any MQTT server or broker: our server (robots registered by {@link LoadRegistration}),
 * or Mosquitto and the like (anonymous logins). It records the times from a robot entering the keep-out zone to its
 * {@code startPause}, and its own CPU time, so a measurement can tell whether the generator was the limit. It
 * publishes at QoS 0 without waiting for the target: what a slow target does not read waits in the socket buffers, so
 * a target that falls behind shows as fewer states handled than sent. Blocking: call it from a plain thread, never
 * from an event loop.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final long SETUP_TIMEOUT_SECONDS = 300;
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Vertx vertx;
    private final LoadSettings settings;
    private final List<LoadLoop> loops;
    private final LoadTally tally;
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();

    private LoadGenerator(Vertx vertx, LoadSettings settings, List<LoadLoop> loops, LoadTally tally) {
        this.vertx = vertx;
        this.settings = settings;
        this.loops = loops;
        this.tally = tally;
    }

    /**
     * Connects one robot per login (robot {@code i} on lane {@code i} of {@link LoadHall}) and returns once every one
     * is ONLINE; nothing is left running if one cannot connect.
     */
    public static LoadGenerator connect(String host, int port, LoadSettings settings, List<LoadLogin> logins,
                                        Clock clock) {
        if (logins.size() != settings.robots())
            throw new IllegalArgumentException("expected " + settings.robots() + " robot logins, got " + logins.size());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.threads()));
        LoadTally tally = new LoadTally();
        Vda5050Codec codec = new Vda5050Codec();
        Random random = new Random(settings.seed());
        List<List<LoadRobot>> shares = new ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) shares.add(new ArrayList<>());
        for (int i = 0; i < logins.size(); i++) {
            LoadLogin login = logins.get(i);
            LoadHall.Shuttle shuttle = settings.crosses(i) ? LoadHall.CROSSING : LoadHall.STAYING;
            VdaFrames frames = new VdaFrames(codec, login.manufacturer(), login.serialNumber(), LoadHall.laneY(i));
            shares.get(i % settings.threads()).add(new LoadRobot(login, frames, shuttle,
                    random.nextDouble() * shuttle.periodSeconds(), settings, tally, codec, clock));
        }
        List<LoadLoop> loops = shares.stream().map(robots -> new LoadLoop(robots, host, port)).toList();
        LoadGenerator generator = new LoadGenerator(vertx, settings, loops, tally);
        try {
            // Deployed from outside any context, Vert.x gives each loop the next event loop in turn: one thread each.
            await(Future.all(loops.stream().map(vertx::deployVerticle).toList()), SETUP_TIMEOUT_SECONDS,
                    "connecting " + logins.size() + " robots to " + host + ":" + port);
            return generator;
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
    }

    /** Every robot starts driving and publishing. */
    public void startPublishing() {
        long epoch = System.nanoTime();
        loops.forEach(l -> l.begin(epoch));
    }

    public LoadSettings settings() {
        return settings;
    }

    public LoadCounts counts() {
        return tally.snapshot();
    }

    /** Zone-entry-to-startPause times in nanoseconds recorded since the last call. */
    public long[] drainEnforcementNanos() {
        return tally.enforcement.drain();
    }

    /** CPU time (user and system) the generator's event-loop threads have used so far. */
    public long cpuNanos() {
        Set<Thread> threads = loops.stream().map(LoadLoop::thread).filter(t -> t != null).collect(Collectors.toSet());
        long sum = 0;
        for (Thread t : threads) {
            long nanos = threadBean.getThreadCpuTime(t.getId());
            if (nanos > 0) sum += nanos;
        }
        return sum;
    }

    /** The distinct threads the robots run on. */
    public int threadsUsed() {
        return (int) loops.stream().map(LoadLoop::thread).filter(t -> t != null).distinct().count();
    }

    /** Robots say OFFLINE and disconnect; then the generator's Vert.x closes. */
    @Override
    public void close() {
        try {
            await(vertx.close(), STOP_TIMEOUT_SECONDS, "stopping the load generator");
        } catch (RuntimeException e) {
            // Closing undeploys the loops, whose robots say goodbye; one that cannot is gone anyway.
        }
    }

    private static <T> T await(Future<T> future, long seconds, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + ": no answer within " + seconds + " s", e);
        }
    }
}
