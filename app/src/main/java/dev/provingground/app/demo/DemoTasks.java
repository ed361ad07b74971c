package dev.provingground.app.demo;

import dev.provingground.sim.demo.DemoFleet;
import dev.provingground.site.Place;
import dev.provingground.site.Site;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keeps the demo fleet at work through the task API, as a trial-zone manager's scheduler would: whenever demo robots
 * stand idle and few demo tasks wait, it submits work that suits them — serving rounds in the restaurant, parcel
 * deliveries on each floor and between floors by elevator, sidewalk deliveries across the crosswalk, UV-C robots moving
 * on to their next room — and now and then a disinfection of ward 301, closing the zone first and opening it again
 * once done. Every task is kept to the demo's own firms, so the dispatcher never gives one to a robot some vendor
 * connected meanwhile; it looks only at the robots the demo registered itself.
 */
public final class DemoTasks {

    private static final Logger LOG = Logger.getLogger(DemoTasks.class.getName());
    static final String WARD = "ward-301";
    static final String LABEL = "demo";
    /** Tasks submitted in one round at most: a fresh fleet is put to work over a few rounds, not in one burst. */
    static final int MAX_PER_ROUND = 3;
    /** Rounds from one disinfection of the ward to the next. */
    static final int DISINFECT_EVERY_ROUNDS = 30;
    /** Below this charge a robot is left to the server, which sends it to charge, rather than given work. */
    static final double LOW_BATTERY = 25;
    /** A robot charging below this share is left to charge. */
    static final double CHARGED = 90;

    private final Vertx vertx;
    private final DemoApi api;
    private final Site site;
    private final Map<String, DemoFleet.RobotPlan> robots;
    private final JsonArray firms = new JsonArray();
    private final Random random;
    private final long everyMillis;
    private long timer = -1;
    private long rounds;
    private boolean roundUnderway;
    private int nextRobot;
    private String disinfection;

    /** @param robots the demo's own robots by id: the only ones it looks at */
    DemoTasks(Vertx vertx, DemoApi api, Site site, Map<String, DemoFleet.RobotPlan> robots, long seed,
              long everyMillis) {
        this.vertx = vertx;
        this.api = api;
        this.site = site;
        this.robots = Map.copyOf(robots);
        this.random = new Random(seed);
        this.everyMillis = everyMillis;
        DemoFleet.firms().forEach(f -> firms.add(f.id()));
    }

    /** Starts the rounds, the first at once. */
    public void start() {
        vertx.runOnContext(v -> {
            round();
            timer = vertx.setPeriodic(everyMillis, id -> round());
        });
    }

    public void stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
    }

    /** One look at the demo robots and tasks; a round still waiting for answers makes the next one skip. */
    private void round() {
        if (roundUnderway) return;
        roundUnderway = true;
        rounds++;
        String tasks = "/api/v1/tasks?status=";
        Future.all(api.get("/api/v1/robots?site=" + site.id()), api.get(tasks + "queued"),
                        api.get(tasks + "standby"), api.get(tasks + "underway"))
                .compose(all -> act(all.resultAt(0), List.of(all.<JsonObject>resultAt(1), all.resultAt(2)),
                        all.resultAt(3)))
                .onFailure(e -> LOG.fine(() -> "demo tasks: round skipped: " + e.getMessage()))
                .onComplete(done -> roundUnderway = false);
    }

    private Future<Void> act(JsonObject robotList, List<JsonObject> waitingLists, JsonObject underway) {
        Set<String> busy = new HashSet<>();
        for (JsonObject t : tasks(underway)) {
            JsonObject to = t.getJsonObject("assigned_to");
            if (to != null) busy.add(to.getString("name"));
        }
        long waiting = waitingLists.stream().flatMap(l -> tasks(l).stream())
                .filter(t -> t.getJsonObject("booking").getJsonArray("labels", new JsonArray()).contains(LABEL))
                .filter(t -> !"disinfection".equals(t.getString("category"))).count();
        List<JsonObject> idle = new ArrayList<>();
        for (Object o : robotList.getJsonArray("robots")) {
            JsonObject r = (JsonObject) o;
            if (robots.containsKey(r.getString("id")) && !busy.contains(r.getString("id")) && idle(r)) idle.add(r);
        }
        List<Future<?>> sent = new ArrayList<>();
        long wanted = Math.min(MAX_PER_ROUND, idle.size() - waiting);
        for (int i = 0; i < wanted; i++) {
            JsonObject robot = idle.get(nextRobot++ % idle.size());
            sent.add(submit(taskFor(robots.get(robot.getString("id")), robot.getJsonObject("position").getString("mapId"))));
        }
        if (disinfection == null && rounds % DISINFECT_EVERY_ROUNDS == 0) sent.add(disinfect());
        else if (disinfection != null && !stillOpen(disinfection, waitingLists, underway)) sent.add(reopenWard());
        return Future.join(sent).mapEmpty();
    }

    private static List<JsonObject> tasks(JsonObject list) {
        return list.getJsonArray("tasks", new JsonArray()).stream().map(JsonObject.class::cast).toList();
    }

    /** Online, located, not paused, with charge to spare and not still filling up at a charger. */
    private static boolean idle(JsonObject r) {
        if (!"ONLINE".equals(r.getString("connection")) || r.getJsonObject("position") == null) return false;
        if (Boolean.TRUE.equals(r.getBoolean("paused"))) return false;
        Double battery = r.getDouble("battery");
        if (battery == null || battery < LOW_BATTERY) return false;
        return !(Boolean.TRUE.equals(r.getBoolean("charging")) && battery < CHARGED);
    }

    private static boolean stillOpen(String taskId, List<JsonObject> waitingLists, JsonObject underway) {
        List<JsonObject> open = new ArrayList<>(tasks(underway));
        waitingLists.forEach(l -> open.addAll(tasks(l)));
        return open.stream().anyMatch(t -> taskId.equals(t.getJsonObject("booking").getString("id")));
    }

    /** Work that suits a robot of this plan standing on {@code level}. */
    JsonObject taskFor(DemoFleet.RobotPlan plan, String level) {
        JsonObject d = new JsonObject();
        switch (plan.profile()) {
            case "serving" -> {
                JsonArray tables = new JsonArray();
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) tables.add("table-" + (1 + random.nextInt(8)));
                d.put("from", new JsonObject().put("place", "kitchen-pass")).put("tables", tables);
                return request("serving", d, firms);
            }
            case "sidewalk-delivery" -> {
                String shop = random.nextBoolean() ? "cafe-across" : "convenience-store";
                boolean out = random.nextBoolean();
                return request("delivery", delivery(out ? "entrance-pickup" : shop, out ? shop : "entrance-pickup"),
                        firms);
            }
            case "uvc-disinfection" -> {
                // UV-C robots move on to their next room; kept to their own firm so that they, not a courier, go.
                d.put("place", pick(placesOn(level)));
                return request("go_to_place", d, new JsonArray().add(plan.firm().id()));
            }
            default -> {
                // Deliveries mostly on the robot's own floor, one in three to another floor by elevator.
                List<String> here = placesOn(level);
                String pickup = pick(here);
                List<String> to = new ArrayList<>(random.nextInt(3) == 0 ? indoorPlaces() : here);
                to.remove(pickup);
                return request("delivery", delivery(pickup, pick(to)), firms);
            }
        }
    }

    private static JsonObject delivery(String pickup, String dropoff) {
        return new JsonObject().put("pickup", new JsonObject().put("place", pickup))
                .put("dropoff", new JsonObject().put("place", dropoff));
    }

    /** Places on a level to take things to: not the tables and kitchen (the serving robots'), nor the ward. */
    private List<String> placesOn(String level) {
        return site.places().stream().filter(p -> p.level().equals(level)).map(Place::name)
                .filter(n -> !n.startsWith("table-") && !n.startsWith("kitchen") && !n.equals(WARD)).toList();
    }

    private List<String> indoorPlaces() {
        return site.levels().stream().filter(l -> !l.outdoor()).flatMap(l -> placesOn(l.id()).stream()).toList();
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private JsonObject request(String category, JsonObject description, JsonArray firms) {
        return new JsonObject().put("site", site.id()).put("category", category).put("description", description)
                .put("labels", new JsonArray().add(LABEL)).put("requester", "demo").put("firms", firms);
    }

    private Future<JsonObject> submit(JsonObject request) {
        return api.call(HttpMethod.POST, "/api/v1/tasks", api.operatorToken(), request, 201)
                .onFailure(e -> LOG.fine(() -> "demo task not accepted: " + e.getMessage()));
    }

    /** Submits a disinfection of the ward, then closes the ward for it, as a trial-zone manager would. */
    private Future<?> disinfect() {
        JsonObject d = new JsonObject().put("zone", WARD).put("spacing", 1.5);
        return submit(request("disinfection", d, firms)).compose(task -> {
            disinfection = task.getJsonObject("booking").getString("id");
            return api.call(HttpMethod.POST, "/api/v1/sites/" + site.id() + "/zones/" + WARD + "/close",
                    api.operatorToken(), null, 200);
        }).onSuccess(closed -> LOG.info("demo: " + WARD + " closed for disinfection (" + disinfection + ")"));
    }

    private Future<?> reopenWard() {
        String done = disinfection;
        return api.call(HttpMethod.POST, "/api/v1/sites/" + site.id() + "/zones/" + WARD + "/open",
                api.operatorToken(), null, 200).onSuccess(opened -> {
            disinfection = null;
            LOG.info("demo: " + WARD + " open again after " + done);
        });
    }
}
