package dev.provingground.server.events;

import dev.provingground.trackrecord.event.RobotLink;
import dev.provingground.trackrecord.event.TrackEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventHubTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    /** The sinks' own thread, as the server's context is for events produced on robot lanes. */
    private final ExecutorService sinksThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "sinks"));

    @AfterEach
    void stop() {
        sinksThread.shutdownNow();
    }

    private static TrackEvent linkEvent(int second, String robot) {
        return new TrackEvent(T0.plusSeconds(second), "s", "acme", robot,
                new RobotLink(RobotLink.State.CONNECTED, null, null));
    }

    @Test
    void eventsProducedOnOtherThreadsReachTheSinksOnTheirOwnThreadInTheOrderEachProducerMadeThem() throws Exception {
        EventHub hub = new EventHub(sinksThread);
        List<String> seen = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        hub.addSink((event, json) -> {
            seen.add(event.robot() + "@" + event.time().getEpochSecond() % 1000);
            threads.add(Thread.currentThread().getName());
            assertThat(new String(json)).contains("\"robot\":\"" + event.robot() + "\"");
            return CompletableFuture.completedFuture(null);
        });
        Thread laneA = new Thread(() -> {
            for (int i = 0; i < 200; i++) hub.publish(linkEvent(i, "rb-a"));
        });
        Thread laneB = new Thread(() -> {
            for (int i = 0; i < 200; i++) hub.publish(linkEvent(i, "rb-b"));
        });
        laneA.start();
        laneB.start();
        laneA.join();
        laneB.join();
        CompletableFuture<Void> last = hub.publish(linkEvent(999, "rb-c"));
        last.get(10, TimeUnit.SECONDS);

        assertThat(threads).hasSize(401).containsOnly("sinks");
        for (String robot : List.of("rb-a", "rb-b")) {
            List<String> ofRobot = seen.stream().filter(s -> s.startsWith(robot + "@")).toList();
            List<String> inOrder = new ArrayList<>();
            for (int i = 0; i < 200; i++) inOrder.add(robot + "@" + (T0.plusSeconds(i).getEpochSecond() % 1000));
            assertThat(ofRobot).isEqualTo(inOrder);
        }
    }

    @Test
    void aSinkThatFailsFailsThePublishedFutureAndTheOtherSinksStillHearTheEvent() {
        EventHub hub = new EventHub(sinksThread);
        List<TrackEvent> heard = new ArrayList<>();
        hub.addSink((event, json) -> CompletableFuture.failedFuture(new IllegalStateException("disk full")));
        hub.addSink((event, json) -> {
            heard.add(event);
            return CompletableFuture.completedFuture(null);
        });

        CompletableFuture<Void> published = hub.publish(linkEvent(1, "rb-a"));

        assertThat(published).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("disk full");
        assertThat(heard).hasSize(1);
    }
}
