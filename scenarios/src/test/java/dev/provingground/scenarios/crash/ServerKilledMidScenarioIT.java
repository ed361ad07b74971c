package dev.provingground.scenarios.crash;

import dev.provingground.scenarios.harness.EventTally;
import dev.provingground.scenarios.harness.Simulation;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskProgress;
import dev.provingground.server.tasks.TaskStatus;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server JVM is killed with SIGKILL while robots drive tasks across the demo building and one rides an elevator;
 * reopened on the same data, the server loses no task: every one submitted before the kill completes afterwards, the
 * robot left in a car included.
 *
 * <p>The child runs server and building in virtual time up to a defined point (the first step with a robot aboard a
 * car), waits for its commits, says so and is killed. The robots and cars live on: this JVM runs the same
 * deterministic first half on scratch data — checking it reaches exactly the child's state — then stops that server,
 * opens a server on the killed child's data at the same virtual time, and hands it the robots and cars.
 */
class ServerKilledMidScenarioIT {

    @TempDir
    Path data;
    @TempDir
    Path scratch;
    Process child;
    Simulation restarted;
    final EventTally tally = new EventTally();

    @AfterEach
    void stop() throws Exception {
        if (restarted != null) restarted.stop();
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tasksUnderWayWhenTheServerIsKilledAreAllCompletedAfterItRestarts() throws Exception {
        JsonObject reached = runChildUntilARobotRides();
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        RidingWhenKilled replay = RidingWhenKilled.run(scratch);
        assertThat(replay.fingerprint()).as("the same first half in this JVM").isEqualTo(reached.getString("fingerprint"));
        replay.sim.stopServerOnly();

        // The building's clock goes on where the child's stopped: the replay's clock stands at the same instant.
        assertThat(replay.sim.clock().instant()).isEqualTo(Instant.parse(reached.getString("at")));
        restarted = Simulation.start(data, List.of(RidingWhenKilled.site()), replay.sim.clock());
        Map<String, String> robotPasswords = new LinkedHashMap<>();
        reached.getJsonObject("robots").forEach(e -> robotPasswords.put(e.getKey(), (String) e.getValue()));
        Map<String, JsonObject> carLogins = new LinkedHashMap<>();
        reached.getJsonObject("cars").forEach(e -> carLogins.put(e.getKey(), (JsonObject) e.getValue()));
        restarted.onServer(() -> restarted.server().events().addSink(tally));
        restarted.adopt(replay.sim, robotPasswords, carLogins);

        List<Task> known = restarted.onServer(() -> restarted.server().tasks().all());
        assertThat(known).as("tasks known after the restart").hasSize(RidingWhenKilled.DELIVERIES.length);
        // A completed task stays completed and is read from the archive: read after every step only until then.
        Set<String> completed = new HashSet<>();
        restarted.runUntil("every task completed after the restart", Duration.ofMinutes(30), () -> {
            for (Task task : known) {
                if (completed.contains(task.id())) continue;
                TaskProgress p = restarted.server().tasks().find(task.id()).orElseThrow().progress();
                if (p.status() == TaskStatus.FAILED || p.status() == TaskStatus.CANCELED)
                    throw new AssertionError("task " + task.id() + " ended " + p.status().wireName() + ": " + p.reason());
                if (p.status() == TaskStatus.COMPLETED) completed.add(task.id());
            }
            return completed.size() == known.size();
        }, () -> restarted.server().tasks().all().stream().map(t -> t.id() + " " + t.progress().status().wireName() + " "
                + t.progress().assignedTo() + " " + t.progress().reason()).toList() + "; cars " + restarted.cars().stream()
                .map(c -> c.liftName() + " " + c.car().currentFloor() + " " + c.car().mode() + " " + c.car().robotsAboard()).toList());
        restarted.onServer(() -> restarted.cars().forEach(c -> assertThat(c.car().robotsAboard())
                .as("robots left in " + c.liftName()).isEmpty()));
        restarted.settle();
        // For comparing runs (docs/ARCHITECTURE.md, Testing): the same every time, to the millisecond.
        String outcome = restarted.onServer(() -> restarted.server().tasks().all().stream()
                .map(t -> t.request().description().path("pickup").path("place").asText() + "→"
                        + t.request().description().path("dropoff").path("place").asText() + " "
                        + t.progress().status().wireName() + " by " + t.progress().assignedTo() + " in "
                        + t.progress().attempt() + " attempt(s) at " + t.progress().finishedAt())
                .sorted().toList()) + "; events since the restart " + tally.byType() + "; record "
                + restarted.server().trackRecord().logs().stream().map(l -> l.origin() + "=" + restarted.server().trackRecord().size(l)).toList();
        System.out.println("crash scenario outcome " + Integer.toHexString(outcome.hashCode()) + ": " + outcome);
    }

    /** Starts the child and reads its output until it has reached the point to be killed at. */
    private JsonObject runChildUntilARobotRides() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                ScenarioChild.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("REACHED ")) {
            // the child's own output before it is there
        }
        if (line == null) throw new AssertionError("the child ended before it reached the point to be killed at");
        return new JsonObject(line.substring("REACHED ".length()));
    }
}
