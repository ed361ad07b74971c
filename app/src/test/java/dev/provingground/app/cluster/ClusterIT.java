package dev.provingground.app.cluster;

import dev.provingground.app.cluster.ClusterNodes.Node;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.MosquittoBroker;
import dev.provingground.server.support.Zones;
import dev.provingground.sim.fleet.SimFleet;
import dev.provingground.sim.robot.SimRobotClient;
import dev.provingground.sim.robot.SimRobotSpec;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.RfcMerkle;
import dev.provingground.trackrecord.verify.VerifyResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three {@code serve --cluster} nodes (child JVMs) and Mosquitto on loopback, three sites, simulated robots of two
 * firms driving; the node owning one site is SIGKILLed. Another node owns the site within 10 s, its robots are
 * enforced again (a keep-out crossing after the move pauses the robot), the queued tasks are all still there, the
 * checkpoint signed before the kill is consistent with one signed after (the proof checked: every event in the log
 * then is in it now), every firm's export verifies, and no two checkpoints of one log ever have the same size and
 * different roots (watched over the whole test, through every live node).
 */
class ClusterIT {

    private static final List<String> SITES = List.of("north", "south", "east");
    private static final List<String> FIRMS = List.of("acme", "bolt");
    /**
     * Robots in all: the 300 (on the idle 2-core machine the test took 38.8 s with 300 and 35.9 s with 30);
     * {@code -Dcluster.robots=N} runs another number (docs/CLUSTER.md).
     */
    private static final int ROBOTS = Integer.getInteger("cluster.robots", 300);
    private static final int ROBOTS_PER_FIRM_AND_SITE = Math.max(1, ROBOTS / (SITES.size() * FIRMS.size()));
    private static final int TASKS_PER_SITE = 3;
    private static final Duration MOVE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private ClusterNodes cluster;
    private Vertx vertx;
    private SimFleet fleet;
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private ScheduledExecutorService watcher;
    /** Per log ({@code site} or {@code site/firm}): every size seen signed, and its root. */
    private final Map<String, Map<Long, String>> signedRoots = new ConcurrentHashMap<>();
    private final List<String> forks = new CopyOnWriteArrayList<>();
    private final AtomicInteger watched = new AtomicInteger();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final Map<String, AtomicInteger> watchedBeforeKill = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> watchedAfterKill = new ConcurrentHashMap<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    /** A checkpoint request caught on its way to a dead owner is given up on after this; the next one goes on. */
    private static final Duration WATCH_TIMEOUT = Duration.ofSeconds(5);
    /** Between two rounds of the checkpoint watch. */
    private static final Duration WATCH_EVERY = Duration.ofMillis(300);

    @AfterEach
    void stop() throws Exception {
        watching.set(false);
        if (watcher != null) watcher.shutdownNow();
        if (fleet != null) Await.result(fleet.stop());
        if (vertx != null) Await.result(vertx.close());
        if (cluster != null) cluster.close();
        if (broker != null) broker.close();
    }

    @Test
    void killingTheOwnerOfASiteMovesItToAnotherNodeWithoutLosingWhatItAcknowledged() throws Exception {
        broker = MosquittoBroker.start(dir.resolve("mosquitto"));
        List<Path> siteFiles = new ArrayList<>();
        for (String s : SITES) siteFiles.add(writeSite(s));
        cluster = ClusterNodes.start(3, dir, broker.port(), siteFiles);
        cluster.awaitEverySiteOwned(SITES, Duration.ofSeconds(120));
        List<Node> nodes = cluster.nodes();

        Map<String, String> operator = new HashMap<>();
        Map<String, Map<String, String>> firmTokens = new HashMap<>();
        Map<String, List<String>> robotIds = new HashMap<>();
        List<SimRobotSpec> specs = new ArrayList<>();
        int k = 0;
        for (String site : SITES) {
            operator.put(site, cluster.operatorToken(site));
            firmTokens.put(site, new HashMap<>());
            robotIds.put(site, new ArrayList<>());
            for (String firm : FIRMS) {
                // Through every node in turn: each request crosses the event bus to the owner, or not.
                Node via = nodes.get(k++ % nodes.size());
                var created = cluster.call(via, site, "POST", "/api/v1/firms", operator.get(site),
                        new JsonObject().put("id", firm).put("name", firm + " Robotics"));
                expect(201, created);
                firmTokens.get(site).put(firm, ClusterNodes.json(created).getString("token"));
                for (int i = 0; i < ROBOTS_PER_FIRM_AND_SITE; i++) {
                    String serial = site + "-" + firm + "-" + i;
                    var r = cluster.call(nodes.get(k++ % nodes.size()), site, "POST", "/api/v1/robots",
                            operator.get(site), new JsonObject().put("manufacturer", manufacturer(firm)).put("serialNumber", serial)
                                    .put("firm", firm).put("profile", "indoor-delivery").put("site", site));
                    expect(201, r);
                    robotIds.get(site).add(ClusterNodes.json(r).getJsonObject("robot").getString("id"));
                    // Anonymous on this broker; its ACL is the broker's business in cluster mode.
                    specs.add(new SimRobotSpec(manufacturer(firm), serial, "indoor-delivery", null, null, "L1", 0,
                            laneY(robotIds.get(site).size() - 1), 0, 90));
                }
            }
        }
        vertx = Vertx.vertx();
        fleet = new SimFleet(vertx, ProfileCatalog.builtIn(), specs, new SimFleet.Settings(50, 500, 0, 10),
                Clock.systemUTC());
        Await.result(fleet.start("127.0.0.1", broker.port()));
        for (String site : SITES)
            Await.until("every robot of " + site + " online", Duration.ofSeconds(60), () -> robots(nodes.get(0), site,
                    operator.get(site)).stream().allMatch(r -> "ONLINE".equals(r.getString("connection"))
                    && r.getJsonObject("position") != null));
        watcher = watchCheckpoints(operator, firmTokens);

        // Robots drive while the owner dies; tasks wait in the queue (their start is an hour away).
        for (String site : SITES)
            for (int i = 0; i < robotIds.get(site).size(); i++)
                order(nodes.get(i % 3), site, operator.get(site), robotIds.get(site).get(i), laneY(i), 0, 6);
        Map<String, List<String>> tasks = new HashMap<>();
        for (String site : SITES) {
            tasks.put(site, new ArrayList<>());
            for (int t = 0; t < TASKS_PER_SITE; t++) {
                var res = cluster.call(nodes.get(t % 3), site, "POST", "/api/v1/tasks", operator.get(site),
                        new JsonObject().put("site", site).put("category", "delivery")
                                .put("unix_millis_earliest_start_time", Instant.now().plusSeconds(3600).toEpochMilli())
                                .put("description", new JsonObject()
                                        .put("pickup", new JsonObject().put("place", "dock"))
                                        .put("dropoff", new JsonObject().put("place", "desk"))));
                expect(201, res);
                tasks.get(site).add(ClusterNodes.json(res).getJsonObject("booking").getString("id"));
            }
        }

        String victimSite = "north";
        Node victim = cluster.nodeAt(cluster.owner(nodes.get(0), victimSite).orElseThrow());
        Node survivor = nodes.stream().filter(n -> n != victim).findFirst().orElseThrow();
        Await.until("robots of " + victimSite + " under way", Duration.ofSeconds(20), () -> robots(survivor,
                victimSite, operator.get(victimSite)).stream().anyMatch(r -> r.getJsonObject("position")
                .getDouble("x") > 0.5));
        // The log of the first firm at the site: its robots' events go there, before and after the move.
        String watchedFirm = FIRMS.get(0);
        VerifierKey key = VerifierKey.parse(ClusterNodes.text(cluster.call(survivor, victimSite, "GET",
                "/api/v1/sites/" + victimSite + "/log/key?firm=" + watchedFirm, operator.get(victimSite), null)).trim());
        SignedCheckpoint before = checkpoint(survivor, victimSite, watchedFirm, operator.get(victimSite), key);
        assertThat(before.treeSize()).as("events on " + victimSite + "/" + watchedFirm + "'s log before the kill")
                .isPositive();

        remember(victimSite + "/" + watchedFirm, before);
        Await.until("checkpoints of " + victimSite + "/" + watchedFirm + " watched before the kill",
                Duration.ofSeconds(30), () -> watchedBeforeKill.containsKey(victimSite + "/" + watchedFirm));
        cluster.kill(victim);
        killed.set(true);
        long killedAt = System.nanoTime();
        Await.until(victimSite + " owned by another node", Duration.ofSeconds(30), () -> cluster.owner(survivor,
                victimSite).filter(a -> !a.equals(victim.address())).isPresent());
        Duration moved = Duration.ofNanos(System.nanoTime() - killedAt);
        Node owner = cluster.nodeAt(cluster.owner(survivor, victimSite).orElseThrow());
        System.out.printf("cluster: %s moved from node %d to node %d %.1f s after its owner was SIGKILLed%n",
                victimSite, victim.index(), owner.index(), moved.toMillis() / 1000.0);
        assertThat(moved).as("time for " + victimSite + " to move").isLessThanOrEqualTo(MOVE_WITHIN);

        // Enforced again: a keep-out zone drawn after the move, and a robot sent across it, is paused.
        expect(201, cluster.call(survivor, victimSite, "POST", "/api/v1/sites/" + victimSite + "/zones",
                operator.get(victimSite), Zones.withProperty(Zones.rectangle("spill", "KEEP_OUT", 9, -1, 10,
                        laneY(robotIds.get(victimSite).size())), "onViolation", "PAUSE")));
        String crossing = robotIds.get(victimSite).get(0);
        SimRobotClient crossingRobot = fleet.clients().stream()
                .filter(c -> c.robot().serialNumber().equals(victimSite + "-" + FIRMS.get(0) + "-0"))
                .findFirst().orElseThrow();
        Await.until("the first robot of " + victimSite + " at the end of its first order", Duration.ofSeconds(30),
                () -> crossingRobot.robot().x() > 5.99);
        order(survivor, victimSite, operator.get(victimSite), crossing, laneY(0), 6, 15);
        try {
            Await.until("the robot crossing the keep-out zone paused", Duration.ofSeconds(60),
                    () -> crossingRobot.robot().isPaused());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the robot at x " + crossingRobot.robot().x() + "; the server: "
                    + ClusterNodes.text(cluster.call(survivor, victimSite, "GET", "/api/v1/robots/" + crossing,
                    operator.get(victimSite), null)) + "; geofence events: " + ClusterNodes.text(cluster.call(survivor,
                    victimSite, "GET", "/api/v1/events?type=geofence", operator.get(victimSite), null))
                    + "\nnew owner's log:\n" + cluster.log(owner), e);
        }
        assertThat(crossingRobot.robot().x()).as("where it stopped").isBetween(8.0, 10.5);

        for (String site : SITES) {
            List<String> known = cluster.call(survivor, site, "GET", "/api/v1/tasks", operator.get(site), null)
                    .statusCode() == 200 ? taskIds(survivor, site, operator.get(site)) : List.of();
            assertThat(known).as("tasks of " + site + " after the kill").containsAll(tasks.get(site));
        }

        SignedCheckpoint after = checkpoint(survivor, victimSite, watchedFirm, operator.get(victimSite), key);
        remember(victimSite + "/" + watchedFirm, after);
        assertThat(after.treeSize()).isGreaterThan(before.treeSize());
        JsonObject proof = ClusterNodes.json(cluster.call(survivor, victimSite, "GET", "/api/v1/sites/" + victimSite
                + "/log/proof/consistency?firm=" + watchedFirm + "&from=" + before.treeSize() + "&to=" + after.treeSize(),
                operator.get(victimSite), null));
        List<byte[]> hashes = proof.getJsonArray("proof").stream()
                .map(h -> Base64.getDecoder().decode((String) h)).toList();
        assertThat(new RfcMerkle().verifyConsistency(before.treeSize(), after.treeSize(),
                before.checkpoint().rootHash(), after.checkpoint().rootHash(), hashes))
                .as("the log after the move extends the log signed before the kill").isTrue();

        for (String site : SITES)
            for (String firm : FIRMS) {
                String token = firmTokens.get(site).get(firm);
                var export = cluster.call(survivor, site, "GET", "/api/v1/reports/export?site=" + site + "&firm="
                        + firm, token, null);
                expect(200, export);
                Path bundle = dir.resolve(site + "-" + firm + ".zip");
                Files.write(bundle, export.body());
                VerifierKey firmKey = VerifierKey.parse(ClusterNodes.text(cluster.call(survivor, site, "GET",
                        "/api/v1/sites/" + site + "/log/key?firm=" + firm, token, null)).trim());
                VerifyResult verified = new BundleVerifier().verify(bundle, firmKey);
                assertThat(verified.ok()).as(site + "/" + firm + ": " + verified.firstProblem()).isTrue();
            }

        watching.set(false);
        watcher.shutdown();
        assertThat(watcher.awaitTermination(30, TimeUnit.SECONDS)).as("the checkpoint watch stopped").isTrue();
        int seen = signedRoots.values().stream().mapToInt(Map::size).sum();
        System.out.printf("cluster: %d checkpoints fetched (%d requests unanswered), %d sizes over %d logs, %d forks%n",
                watched.get(), unanswered.get(), seen, signedRoots.size(), forks.size());
        assertThat(forks).as("checkpoints of one size with different roots").isEmpty();
        assertThat(watchedAfterKill).as("logs whose checkpoints were watched after the kill")
                .containsKey(victimSite + "/" + watchedFirm);
    }

    /** A firm claims its manufacturer name at each site it registers robots at. */
    private static String manufacturer(String firm) {
        return "Sim-" + firm;
    }

    /** Each robot has a lane of its own, 2 m apart. */
    private static double laneY(int i) {
        return 2.0 * i;
    }

    private Path writeSite(String id) throws Exception {
        JsonObject site = new JsonObject().put("id", id).put("name", "Site " + id).put("timeZone", "UTC")
                .put("levels", new JsonArray().add(new JsonObject().put("id", "L1").put("name", "Hall")
                        .put("floor", 1).put("outdoor", false)
                        .put("waypoints", new JsonArray()
                                .add(new JsonObject().put("id", "a").put("x", 0).put("y", 0))
                                .add(new JsonObject().put("id", "b").put("x", 20).put("y", 0)))
                        .put("lanes", new JsonArray().add(new JsonObject().put("from", "a").put("to", "b")))))
                .put("places", new JsonArray()
                        .add(new JsonObject().put("name", "dock").put("level", "L1").put("waypoint", "a"))
                        .add(new JsonObject().put("name", "desk").put("level", "L1").put("waypoint", "b")));
        Path file = dir.resolve(id + ".json");
        Files.writeString(file, site.encodePrettily());
        return file;
    }

    private List<JsonObject> robots(Node via, String site, String token) {
        var res = cluster.call(via, site, "GET", "/api/v1/robots", token, null);
        if (res.statusCode() != 200) return List.of();
        return ClusterNodes.json(res).getJsonArray("robots").stream().map(JsonObject.class::cast).toList();
    }

    private List<String> taskIds(Node via, String site, String token) {
        JsonObject body = ClusterNodes.json(cluster.call(via, site, "GET", "/api/v1/tasks", token, null));
        return body.getJsonArray("tasks").stream().map(JsonObject.class::cast)
                .map(t -> t.getJsonObject("booking").getString("id")).toList();
    }

    private void order(Node via, String site, String token, String robot, double y, double fromX, double toX) {
        var res = cluster.call(via, site, "POST", "/api/v1/robots/" + robot + "/orders", token, new JsonObject()
                .put("nodes", new JsonArray()
                        .add(new JsonObject().put("x", fromX).put("y", y).put("mapId", "L1"))
                        .add(new JsonObject().put("x", toX).put("y", y).put("mapId", "L1"))));
        expect(202, res);
    }

    private SignedCheckpoint checkpoint(Node via, String site, String firm, String token, VerifierKey key) {
        var res = cluster.call(via, site, "GET", "/api/v1/sites/" + site + "/log/checkpoint?firm=" + firm, token,
                null);
        expect(200, res);
        return SignedCheckpoint.verify(ClusterNodes.text(res), key);
    }

    /**
     * Asks every live node, in turn, for a fresh checkpoint of every site's log and of every firm's log, a round every
     * {@link #WATCH_EVERY} until the test ends, and keeps each size's root: a second root for a size seen before is a
     * fork. (Back to back, the rounds asked for a thousand checkpoints of about ten sizes, and the nodes spent their CPU
     * signing them.)
     */
    private ScheduledExecutorService watchCheckpoints(Map<String, String> operator,
                                                      Map<String, Map<String, String>> firmTokens) {
        Map<String, VerifierKey> keys = new LinkedHashMap<>();
        Map<String, String[]> logs = new LinkedHashMap<>();
        for (String site : SITES) {
            logs.put(site, new String[]{site, "", operator.get(site)});
            for (String firm : FIRMS) logs.put(site + "/" + firm, new String[]{site, "?firm=" + firm,
                    operator.get(site)});
        }
        AtomicInteger round = new AtomicInteger();
        ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "checkpoint-watch");
            t.setDaemon(true);
            return t;
        });
        rounds.scheduleWithFixedDelay(() -> {
            List<Node> alive = cluster.alive();
            if (!watching.get() || alive.isEmpty()) return;
            Node via = alive.get(round.getAndIncrement() % alive.size());
            logs.forEach((log, l) -> {
                try {
                    if (!keys.containsKey(log)) {
                        var k = cluster.call(via, l[0], "GET", "/api/v1/sites/" + l[0] + "/log/key" + l[1], l[2],
                                null, WATCH_TIMEOUT);
                        // A site's own log starts with its first site-wide change (the zone drawn below).
                        if (k.statusCode() != 200) return;
                        keys.put(log, VerifierKey.parse(ClusterNodes.text(k).trim()));
                    }
                    VerifierKey key = keys.get(log);
                    var res = cluster.call(via, l[0], "GET", "/api/v1/sites/" + l[0] + "/log/checkpoint" + l[1],
                            l[2], null, WATCH_TIMEOUT);
                    watched.incrementAndGet();
                    if (res.statusCode() != 200) return; // the site moving: no owner to ask just now
                    remember(log, SignedCheckpoint.verify(ClusterNodes.text(res), key));
                    (killed.get() ? watchedAfterKill : watchedBeforeKill).computeIfAbsent(log,
                            x -> new AtomicInteger()).incrementAndGet();
                } catch (RuntimeException e) {
                    // A node dying mid-request, or a request caught on its way to the dead owner; the next round
                    // asks another.
                    unanswered.incrementAndGet();
                }
            });
        }, 0, WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return rounds;
    }

    /** Keeps the root of each size of {@code log}; a second root for a size seen before is a fork. */
    private void remember(String log, SignedCheckpoint c) {
        String root = Base64.getEncoder().encodeToString(c.checkpoint().rootHash());
        String earlier = signedRoots.computeIfAbsent(log, x -> new ConcurrentHashMap<>()).putIfAbsent(c.treeSize(), root);
        if (earlier != null && !earlier.equals(root))
            forks.add(log + " size " + c.treeSize() + ": " + earlier + " and " + root);
    }

    private static void expect(int status, HttpResponse<byte[]> res) {
        assertThat(res.statusCode()).as(res.uri() + ": " + ClusterNodes.text(res)).isEqualTo(status);
    }
}
