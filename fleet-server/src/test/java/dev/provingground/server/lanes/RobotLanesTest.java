package dev.provingground.server.lanes;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class RobotLanesTest {

    private Vertx vertx;
    private Context home;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        home = vertx.getOrCreateContext();
    }

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private <T> T onHome(Supplier<Future<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        home.runOnContext(v -> work.get().onComplete(r -> {
            if (r.succeeded()) result.complete(r.result());
            else result.completeExceptionally(r.cause());
        }));
        return result.get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachRobotsWorkRunsInOrderOnOneThreadAndRobotsAreSpreadOverSeveralThreads() throws Exception {
        RobotLanes lanes = new RobotLanes(vertx, home, 2);
        onHome(lanes::start);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, Set<String>> threads = new ConcurrentHashMap<>();
        List<String> robots = new ArrayList<>();
        for (int r = 0; r < 20; r++) robots.add("rb-" + r);
        CompletableFuture<Void> handedIn = new CompletableFuture<>();
        home.runOnContext(v -> {
            for (int i = 0; i < 500; i++) {
                for (String robot : robots) {
                    int n = i;
                    lanes.run(robot, () -> {
                        seen.computeIfAbsent(robot, k -> new CopyOnWriteArrayList<>()).add(n);
                        threads.computeIfAbsent(robot, k -> ConcurrentHashMap.newKeySet())
                                .add(Thread.currentThread().getName());
                    });
                }
            }
            handedIn.complete(null);
        });
        handedIn.get(10, TimeUnit.SECONDS);
        onHome(lanes::stop);

        List<Integer> inOrder = new ArrayList<>();
        for (int i = 0; i < 500; i++) inOrder.add(i);
        for (String robot : robots) {
            assertThat(seen.get(robot)).as(robot).isEqualTo(inOrder);
            assertThat(threads.get(robot)).as(robot).hasSize(1);
        }
        Set<String> all = ConcurrentHashMap.newKeySet();
        threads.values().forEach(all::addAll);
        assertThat(all).hasSize(2);
        assertThat(lanes.handedOver()).isEqualTo(20 * 500);
    }

    @Test
    void withOneLaneARobotsWorkRunsWhereItIsHandedIn() throws Exception {
        RobotLanes lanes = new RobotLanes(vertx, home, 1);
        onHome(lanes::start);
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = new ArrayList<>();
        lanes.run("rb-1", () -> ranOn.add(Thread.currentThread()));
        lanes.home().execute(() -> ranOn.add(Thread.currentThread()));
        assertThat(ranOn).containsExactly(caller, caller);
        assertThat(lanes.handedOver()).isZero();
    }

    @Test
    void stoppingLetsEveryLaneFinishWhatWasHandedInAndTheirMessagesHomeArriveBeforeTheStopCompletes()
            throws Exception {
        RobotLanes lanes = new RobotLanes(vertx, home, 3);
        onHome(lanes::start);
        List<String> atHome = new CopyOnWriteArrayList<>();
        List<String> done = new CopyOnWriteArrayList<>();
        CompletableFuture<List<String>> whenStopped = new CompletableFuture<>();
        home.runOnContext(v -> {
            for (int r = 0; r < 30; r++) {
                String robot = "rb-" + r;
                lanes.run(robot, () -> {
                    done.add(robot);
                    lanes.home().execute(() -> atHome.add(robot));
                });
            }
            lanes.stop().onSuccess(x -> whenStopped.complete(List.copyOf(atHome)));
        });
        assertThat(whenStopped.get(10, TimeUnit.SECONDS)).hasSize(30);
        assertThat(done).hasSize(30);
    }

    @Test
    void workHandedInAfterTheLanesStoppedStillRuns() throws Exception {
        RobotLanes lanes = new RobotLanes(vertx, home, 2);
        onHome(lanes::start);
        onHome(lanes::stop);
        List<String> ran = new ArrayList<>();
        lanes.run("rb-late", () -> ran.add("rb-late"));
        assertThat(ran).containsExactly("rb-late");
    }

    @Test
    void aFailingPieceOfWorkDoesNotStopTheLane() throws Exception {
        RobotLanes lanes = new RobotLanes(vertx, home, 2);
        onHome(lanes::start);
        CompletableFuture<String> after = new CompletableFuture<>();
        lanes.run("rb-1", () -> {
            throw new IllegalStateException("broken listener");
        });
        lanes.run("rb-1", () -> after.complete("still running"));
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("still running");
        onHome(lanes::stop);
    }
}
