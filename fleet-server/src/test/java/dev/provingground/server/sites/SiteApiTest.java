package dev.provingground.server.sites;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.InProcessRobot;
import dev.provingground.server.support.VirtualServer;
import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Sites over real HTTP: read, edit with history, bad sites that change nothing, levels in use, restarts. */
class SiteApiTest {

    @TempDir
    Path data;
    VirtualServer virtual;
    TestServer server;
    String vendor;

    @BeforeEach
    void start() throws Exception {
        virtual = VirtualServer.start(data);
        server = virtual.api();
        vendor = server.registerFirm("acme");
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    /** The test site with a second level L2 (waypoints c, d), a place on it and a one-way, speed-limited lane. */
    private static JsonObject twoLevelSite(String id) {
        JsonObject site = level1Site(id);
        site.getJsonArray("levels").add(new JsonObject().put("id", "L2").put("name", "Upstairs").put("floor", 2)
                .put("waypoints", new JsonArray().add(waypoint("c", 0, 0)).add(waypoint("d", 5, 0)))
                .put("lanes", new JsonArray().add(new JsonObject().put("from", "c").put("to", "d")
                        .put("oneWay", true).put("speedLimit", 0.5))));
        site.put("places", new JsonArray().add(new JsonObject().put("name", "desk").put("level", "L2")
                .put("waypoint", "d")));
        return site;
    }

    private static JsonObject level1Site(String id) {
        return new JsonObject().put("id", id).put("name", "Test hall").put("timeZone", "UTC")
                .put("levels", new JsonArray().add(new JsonObject().put("id", "L1").put("name", "Hall").put("floor", 1)
                        .put("waypoints", new JsonArray().add(waypoint("a", 0, 0)).add(waypoint("b", 10, 0)))
                        .put("lanes", new JsonArray().add(new JsonObject().put("from", "a").put("to", "b")))))
                .put("places", new JsonArray()).put("chargers", new JsonArray()).put("elevators", new JsonArray());
    }

    private static JsonObject waypoint(String id, double x, double y) {
        return new JsonObject().put("id", id).put("x", x).put("y", y);
    }

    private HttpResponse<Buffer> put(String site, JsonObject body) {
        return server.call(HttpMethod.PUT, "/api/v1/sites/" + site, server.operatorToken, body);
    }

    private JsonObject site(String id) {
        var res = server.get("/api/v1/sites/" + id, vendor);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        return res.bodyAsJsonObject();
    }

    private JsonArray history(String id) {
        var res = server.get("/api/v1/sites/" + id + "/history", vendor);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        return res.bodyAsJsonObject().getJsonArray("history");
    }

    private JsonArray siteEvents() {
        JsonArray all = server.get("/api/v1/events?type=config.change", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events");
        JsonArray sites = new JsonArray();
        for (Object e : all) if (((JsonObject) e).encode().contains("\"SITE\"")) sites.add(e);
        return sites;
    }

    @Test
    void siteIsReadInTheSiteFileFormatAndAnUpdateIsVersionedRecordedAndUsedForZones() {
        JsonObject before = site("test");
        assertThat(before.getString("id")).isEqualTo("test");
        assertThat(before.getJsonArray("levels")).hasSize(1);
        assertThat(before.getJsonArray("levels").getJsonObject(0).getJsonArray("lanes").getJsonObject(0)
                .getBoolean("oneWay")).isFalse();

        var res = put("test", twoLevelSite("test").put("timeZone", "Asia/Seoul"));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        JsonObject answered = res.bodyAsJsonObject();
        assertThat(answered.getJsonArray("levels")).extracting(l -> ((JsonObject) l).getString("id"))
                .containsExactly("L1", "L2");
        JsonObject lane = answered.getJsonArray("levels").getJsonObject(1).getJsonArray("lanes").getJsonObject(0);
        assertThat(lane.getBoolean("oneWay")).isTrue();
        assertThat(lane.getDouble("speedLimit")).isEqualTo(0.5);
        assertThat(answered.getJsonArray("places").getJsonObject(0).getString("waypoint")).isEqualTo("d");
        assertThat(site("test")).isEqualTo(answered);
        assertThat(server.get("/api/v1/sites", vendor).bodyAsJsonObject().getJsonArray("sites").getJsonObject(0)
                .getString("timeZone")).isEqualTo("Asia/Seoul");

        JsonArray history = history("test");
        assertThat(history).extracting(v -> ((JsonObject) v).getString("change")).containsExactly("CONFIGURED", "UPDATED");
        assertThat(history.getJsonObject(0).getString("actor")).isEqualTo("config");
        assertThat(history.getJsonObject(0).getJsonObject("site").getJsonArray("levels")).hasSize(1);
        assertThat(history.getJsonObject(1).getLong("version")).isEqualTo(2L);
        assertThat(history.getJsonObject(1).getString("actor")).startsWith("operator:");
        assertThat(history.getJsonObject(1).getJsonObject("site")).isEqualTo(answered);

        JsonArray events = siteEvents();
        assertThat(events).hasSize(1);
        assertThat(events.getJsonObject(0).encode()).contains("\"UPDATE\"").contains("\"L2\"");

        var zone = server.post("/api/v1/sites/test/zones", server.operatorToken,
                Zones.withProperty(Zones.rectangle("upstairs", "CAUTION", 0, 0, 2, 2), "level", "L2"));
        assertThat(zone.statusCode()).as("a zone on the new level: %s", zone.bodyAsString()).isEqualTo(201);
    }

    @Test
    void sendingTheSameSiteAgainAddsNoVersionAndABodyWithoutIdTakesThePathsId() {
        JsonObject body = twoLevelSite("test");
        body.remove("id");
        assertThat(put("test", body).statusCode()).isEqualTo(200);
        assertThat(put("test", twoLevelSite("test")).statusCode()).isEqualTo(200);
        assertThat(history("test")).hasSize(2);
        assertThat(siteEvents()).hasSize(1);
    }

    @Test
    void unknownSiteIsNotFound() {
        assertThat(server.get("/api/v1/sites/nowhere", vendor).statusCode()).isEqualTo(404);
        var res = server.get("/api/v1/sites/nowhere/history", vendor);
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("nowhere");
    }

    @Test
    void badSiteIsRejectedNamingEveryPathAndProblemAndNothingChanges() {
        JsonObject before = site("test");
        JsonObject bad = twoLevelSite("elsewhere");
        JsonObject level2 = bad.getJsonArray("levels").getJsonObject(1);
        level2.getJsonArray("lanes").add(new JsonObject().put("from", "c").put("to", "zz"));
        level2.getJsonArray("waypoints").add(waypoint("a", 3, 3));

        var res = put("test", bad);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(400);
        JsonObject error = res.bodyAsJsonObject().getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("invalid_site");
        assertThat(error.getString("message")).contains("nothing was changed");
        JsonArray problems = error.getJsonObject("details").getJsonArray("problems");
        assertThat(problems).extracting(p -> ((JsonObject) p).getString("path"))
                .contains("id", "levels[1].lanes[1].to", "levels[1].waypoints[2].id");
        assertThat(problem(problems, "id")).contains("elsewhere").contains("test");
        assertThat(problem(problems, "levels[1].lanes[1].to")).contains("unknown waypoint \"zz\"");
        assertThat(problem(problems, "levels[1].waypoints[2].id")).contains("duplicate waypoint id \"a\"");

        var malformed = Await.result(server.http.request(HttpMethod.PUT, server.server.httpPort(), "127.0.0.1",
                "/api/v1/sites/test").putHeader("Authorization", "Bearer " + server.operatorToken)
                .sendBuffer(Buffer.buffer("{\"id\": \"test\", oops")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.bodyAsJsonObject().getJsonObject("error").getJsonObject("details")
                .getJsonArray("problems").getJsonObject(0).getString("message")).contains("malformed JSON");

        assertThat(site("test")).isEqualTo(before);
        assertThat(history("test")).hasSize(1);
        assertThat(siteEvents()).isEmpty();
    }

    private static String problem(JsonArray problems, String path) {
        for (Object p : problems)
            if (((JsonObject) p).getString("path").equals(path)) return ((JsonObject) p).getString("message");
        throw new AssertionError("no problem at " + path + " in " + problems.encode());
    }

    @Test
    void vendorsReadSitesButOnlyOperatorsChangeThem() {
        var res = server.call(HttpMethod.PUT, "/api/v1/sites/test", vendor, twoLevelSite("test"));
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("forbidden");
        assertThat(server.call(HttpMethod.PUT, "/api/v1/sites/annex", vendor, level1Site("annex")).statusCode())
                .isEqualTo(403);
        assertThat(site("test").getJsonArray("levels")).hasSize(1);
        assertThat(server.get("/api/v1/sites/annex", vendor).statusCode()).isEqualTo(404);
    }

    @Test
    void removingALevelThatStillHasZonesOrRobotsIsRefusedNamingThem() throws Exception {
        assertThat(put("test", twoLevelSite("test")).statusCode()).isEqualTo(200);
        server.post("/api/v1/sites/test/zones", server.operatorToken,
                Zones.withProperty(Zones.rectangle("landing", "CAUTION", 0, 0, 2, 2), "level", "L2"));
        JsonObject robot = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery");
        String robotId = robot.getString("id");
        try (InProcessRobot agv = virtual.robot("Acme", "A-1", robotId,
                robot.getJsonObject("mqtt").getString("password"))) {
            agv.connectOnline();
            agv.sendState("L2", 4, 0, 80);
            virtual.advanceUntil("the robot is seen on L2", Duration.ofSeconds(10), () -> server.get("/api/v1/robots/" + robotId,
                    server.operatorToken).bodyAsString().contains("\"L2\""));

            var refused = put("test", level1Site("test"));
            assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
            JsonObject error = refused.bodyAsJsonObject().getJsonObject("error");
            assertThat(error.getString("message")).contains("\"L2\"").contains("\"landing\"").contains(robotId);
            JsonObject onL2 = error.getJsonObject("details").getJsonObject("levels").getJsonObject("L2");
            assertThat(onL2.getJsonArray("zones")).containsExactly("landing");
            assertThat(onL2.getJsonArray("robots")).containsExactly(robotId);
            assertThat(site("test").getJsonArray("levels")).hasSize(2);

            agv.sendState("L1", 4, 0, 80);
            virtual.advanceUntil("the robot is seen on L1", Duration.ofSeconds(10), () -> server.get("/api/v1/robots/" + robotId,
                    server.operatorToken).bodyAsString().contains("\"L1\""));
            var stillZone = put("test", level1Site("test"));
            assertThat(stillZone.statusCode()).isEqualTo(409);
            assertThat(stillZone.bodyAsJsonObject().getJsonObject("error").getString("message"))
                    .contains("landing").doesNotContain(robotId);
        }
        server.call(HttpMethod.DELETE, "/api/v1/sites/test/zones/landing", server.operatorToken, null);
        var allowed = put("test", level1Site("test"));
        assertThat(allowed.statusCode()).as(allowed.bodyAsString()).isEqualTo(200);
        assertThat(history("test")).extracting(v -> ((JsonObject) v).getString("change"))
                .containsExactly("CONFIGURED", "UPDATED", "UPDATED");
    }

    @Test
    void sitesSurviveARestartAndASiteCreatedOverTheApiGetsZonesAndRobots() throws Exception {
        var created = put("annex", level1Site("annex").put("name", "Annex"));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/sites/annex");
        var zone = server.post("/api/v1/sites/annex/zones", server.operatorToken,
                Zones.rectangle("porch", "SPEED_LIMIT", 0, 0, 3, 3).put("properties", new JsonObject()
                        .put("level", "L1").put("kind", "SPEED_LIMIT").put("maxSpeed", 0.4)));
        assertThat(zone.statusCode()).as(zone.bodyAsString()).isEqualTo(201);
        assertThat(put("test", twoLevelSite("test")).statusCode()).isEqualTo(200);
        JsonObject annex = site("annex");
        JsonObject test = site("test");
        assertThat(history("annex")).extracting(v -> ((JsonObject) v).getString("change")).containsExactly("CREATED");

        server.stop();
        server = null;
        virtual = VirtualServer.start(data);
        server = virtual.api(); // configured with the one-level test site again: the stored version wins
        vendor = server.registerFirm("acme-2");

        assertThat(site("test")).isEqualTo(test);
        assertThat(site("annex")).isEqualTo(annex);
        assertThat(history("test")).extracting(v -> ((JsonObject) v).getString("change"))
                .containsExactly("CONFIGURED", "UPDATED");
        assertThat(server.get("/api/v1/sites/annex/zones/porch", vendor).statusCode()).isEqualTo(200);
        var another = server.post("/api/v1/sites/annex/zones", server.operatorToken,
                Zones.rectangle("yard", "CAUTION", 5, 0, 6, 1));
        assertThat(another.statusCode()).as(another.bodyAsString()).isEqualTo(201);
        var robot = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "B-1").put("firm", "acme-2").put("profile", "indoor-delivery").put("site", "annex"));
        assertThat(robot.statusCode()).as(robot.bodyAsString()).isEqualTo(201);
    }
}
