package dev.provingground.bench.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.provingground.server.config.StoreConfig;
import dev.provingground.server.store.MapDbStore;
import dev.provingground.server.store.MapDbTaskStore;
import dev.provingground.server.tasks.DispatchDecision;
import dev.provingground.server.tasks.Stop;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskCategory;
import dev.provingground.server.tasks.TaskProgress;
import dev.provingground.server.tasks.TaskRequest;
import dev.provingground.server.tasks.TaskStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Months of finished tasks, written into a server's store (while no server has it open) the way the server archives
 * a task that finished: go-to-place tasks on the bench site over the 90 days before now, each with its dispatch
 * decision, most completed, some failed or canceled.
 */
final class FinishedTaskHistory {

    private static final int CANDIDATES = 5;

    private FinishedTaskHistory() {
    }

    static void write(Path dataDir, int count, List<String> robots) {
        Random random = new Random(count);
        Instant now = Instant.now();
        try (MapDbStore store = MapDbStore.open(dataDir.resolve("fleet.db"), StoreConfig.defaults())) {
            MapDbTaskStore tasks = new MapDbTaskStore(store);
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                writes.add(tasks.archive(task(i, now.minus(Duration.ofDays(90)).plusMillis(i * (90L * 86_400_000 / count)),
                        robots, random)));
                // Bounded in flight, so the writer's queue does not hold them all at once.
                if (writes.size() == 10_000) {
                    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
                    writes.clear();
                }
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        }
    }

    private static Task task(int i, Instant requested, List<String> robots, Random random) {
        String robot = robots.get(random.nextInt(robots.size()));
        List<DispatchDecision.Candidate> candidates = new ArrayList<>();
        candidates.add(new DispatchDecision.Candidate(robot, 40 + random.nextDouble() * 60, 2 + random.nextDouble(), null));
        for (int c = 1; c < CANDIDATES; c++)
            candidates.add(new DispatchDecision.Candidate(robots.get(random.nextInt(robots.size())),
                    100 + random.nextDouble() * 100, 3 + random.nextDouble(), null));
        int outcome = random.nextInt(20);
        TaskStatus status = outcome == 0 ? TaskStatus.FAILED : outcome == 1 ? TaskStatus.CANCELED : TaskStatus.COMPLETED;
        Instant started = requested.plusSeconds(2);
        TaskRequest request = new TaskRequest(String.format("task-%08x-%04x", i, random.nextInt(0x10000)),
                BenchServer.SITE, TaskCategory.GO_TO_PLACE,
                JsonNodeFactory.instance.objectNode().put("place", BenchServer.PLACE), requested, 0, List.of("history"),
                "history bench", null, List.of(), TaskCategory.GO_TO_PLACE.robotKind(), null,
                List.of(Stop.at(BenchServer.PLACE, BenchServer.LEVEL, "west")), requested);
        TaskProgress progress = new TaskProgress(status, robot, 0, "order-" + i, started,
                started.plusSeconds(60 + random.nextInt(300)),
                status == TaskStatus.COMPLETED ? null : status == TaskStatus.FAILED ? "action failed" : "canceled by bench",
                List.of(new DispatchDecision(requested.plusSeconds(1), robot, candidates)), 1, null);
        return new Task(request, progress);
    }
}
