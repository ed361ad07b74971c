package dev.provingground.app.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.geofence.ZoneState;
import dev.provingground.server.wiring.FleetServer;
import dev.provingground.server.tasks.Task;
import dev.provingground.server.tasks.TaskService;
import dev.provingground.server.tasks.TaskStatus;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Keeps the demo's task stream going through the server's own task API: serving rounds in the restaurant, parcel
 * deliveries on the office floor and the lobby, deliveries between floors by elevator, sidewalk deliveries across
 * the crosswalk, and now and then a disinfection of ward 301 — the zone closed first, as a trial-zone manager would,
 * and opened again once it is done.
 */
public final class DemoTasks {

    private static final Logger LOG = Logger.getLogger(DemoTasks.class.getName());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String WARD = "ward-301";

    private final Vertx vertx;
    private final FleetServer server;
    private final String site;
    private final Random random;
    private final long everyMillis;
    private long timer = -1;
    private long rounds;
    private String disinfection;

    public DemoTasks(Vertx vertx, FleetServer server, String site, long seed, long everyMillis) {
        this.vertx = vertx;
        this.server = server;
        this.site = site;
        this.random = new Random(seed);
        this.everyMillis = everyMillis;
    }

    public void start() {
        server.context().runOnContext(v -> timer = vertx.setPeriodic(everyMillis, id -> round()));
    }

    public void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
    }

    private void round() {
        rounds++;
        TaskService tasks = server.tasks();
        long waiting = tasks.all().stream().filter(t -> t.status() == TaskStatus.QUEUED).count();
        if (waiting < 3) submit(next());
        if (rounds % 12 == 0 && disinfection == null) disinfect();
        if (disinfection != null) tasks.find(disinfection).filter(t -> t.status().isFinal()).ifPresent(this::reopen);
    }

    private TaskService.Request next() {
        ObjectNode d = JSON.objectNode();
        switch (random.nextInt(6)) {
            case 0 -> {
                d.putObject("from").put("place", "kitchen-pass");
                var tables = d.putArray("tables");
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) tables.add("table-" + (1 + random.nextInt(8)));
                return request("serving", d);
            }
            case 1 -> {
                d.putObject("pickup").put("place", "mail-room");
                d.putObject("dropoff").put("place", "office-20" + (1 + random.nextInt(6)));
                return request("delivery", d);
            }
            case 2 -> {
                d.putObject("pickup").put("place", "lobby-desk");
                d.putObject("dropoff").put("place", random.nextBoolean() ? "parcel-room" : "staff-room");
                return request("delivery", d);
            }
            case 3, 4 -> {
                String[] from = {"lobby-desk", "parcel-room", "mail-room", "nurse-station"};
                String[] to = {"office-20" + (1 + random.nextInt(6)), "ward-30" + (2 + random.nextInt(3)),
                        "treatment-room", "staff-room"};
                String pickup = from[random.nextInt(from.length)];
                String dropoff = to[random.nextInt(to.length)];
                d.putObject("pickup").put("place", pickup);
                d.putObject("dropoff").put("place", dropoff.equals(pickup) ? "meeting-room" : dropoff);
                return request("delivery", d);
            }
            default -> {
                d.putObject("pickup").put("place", "entrance-pickup");
                d.putObject("dropoff").put("place", random.nextBoolean() ? "cafe-across" : "convenience-store");
                return request("delivery", d);
            }
        }
    }

    private TaskService.Request request(String category, ObjectNode description) {
        return new TaskService.Request(site, category, description, null, 0, List.of("demo"), "demo", null, List.of());
    }

    private CompletableFuture<Task> submit(TaskService.Request r) {
        try {
            return server.tasks().submit(r).whenComplete((t, e) -> {
                if (e != null) LOG.fine(() -> "demo task not accepted: " + e.getMessage());
            });
        } catch (RuntimeException e) {
            LOG.fine(() -> "demo task refused: " + e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    private void disinfect() {
        ObjectNode d = JSON.objectNode().put("zone", WARD).put("spacing", 1.5);
        submit(request("disinfection", d)).thenAccept(t -> server.context().runOnContext(v -> {
            disinfection = t.id();
            server.zones().setState(site, WARD, ZoneState.CLOSED, "demo-manager");
            LOG.info("demo: " + WARD + " closed for disinfection (" + t.id() + ")");
        }));
    }

    private void reopen(Task t) {
        disinfection = null;
        server.zones().setState(site, WARD, ZoneState.OPEN, "demo-manager");
        LOG.info("demo: " + WARD + " open again; disinfection " + t.status().wireName());
    }
}
