package dev.provingground.server.zones;

import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.Zones;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The zone API over real HTTP: edits, history, disinfection closures, and bad geometry that changes nothing. */
class ZoneApiTest {

    @TempDir
    Path data;
    TestServer server;
    String vendor;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(data);
        vendor = server.registerFirm("acme");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private JsonObject zones() {
        return server.get("/api/v1/sites/test/zones", vendor).bodyAsJsonObject();
    }

    @Test
    void zoneIsCreatedReadUpdatedDeletedAndEveryVersionIsKept() {
        var created = server.post("/api/v1/sites/test/zones", server.operatorToken,
                Zones.withProperty(Zones.rectangle("dock", "SPEED_LIMIT", 0, 0, 4, 4), "maxSpeed", 0.5));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getString("id")).isEqualTo("dock");

        var updated = server.call(HttpMethod.PUT, "/api/v1/sites/test/zones/dock", server.operatorToken,
                Zones.withProperty(Zones.rectangle("dock", "SPEED_LIMIT", 0, 0, 6, 4), "maxSpeed", 0.3));
        assertThat(updated.statusCode()).as(updated.bodyAsString()).isEqualTo(200);
        var read = server.get("/api/v1/sites/test/zones/dock", vendor).bodyAsJsonObject();
        assertThat(read.getJsonObject("properties").getDouble("maxSpeed")).isEqualTo(0.3);

        assertThat(server.call(HttpMethod.DELETE, "/api/v1/sites/test/zones/dock", server.operatorToken, null)
                .statusCode()).isEqualTo(204);
        assertThat(zones().getJsonArray("features")).isEmpty();
        assertThat(server.get("/api/v1/sites/test/zones/dock", vendor).statusCode()).isEqualTo(404);

        JsonArray history = server.get("/api/v1/sites/test/zones/dock/history", vendor).bodyAsJsonObject()
                .getJsonArray("history");
        assertThat(history).hasSize(3);
        assertThat(history.getJsonObject(0).getString("change")).isEqualTo("CREATED");
        assertThat(history.getJsonObject(0).getJsonObject("feature").getJsonObject("properties").getDouble("maxSpeed"))
                .isEqualTo(0.5);
        assertThat(history.getJsonObject(1).getString("change")).isEqualTo("UPDATED");
        assertThat(history.getJsonObject(2).getString("change")).isEqualTo("DELETED");
        assertThat(history.getJsonObject(2).getString("actor")).startsWith("operator:");
        assertThat(history.getJsonObject(2).getString("at")).isNotBlank();

        var configEvents = server.get("/api/v1/events?type=config.change", server.operatorToken).bodyAsJsonObject()
                .getJsonArray("events");
        assertThat(configEvents).hasSize(3);
    }

    @Test
    void featureWithoutAnIdGetsOne() {
        JsonObject f = Zones.rectangle("x", "CAUTION", 0, 0, 1, 1);
        f.remove("id");
        var created = server.post("/api/v1/sites/test/zones", server.operatorToken, f);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.bodyAsJsonObject().getString("id");
        assertThat(id).startsWith("zone-");
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/sites/test/zones/" + id);
    }

    @Test
    void wholeCollectionIsReplacedAndDisinfectionZonesCloseAndOpen() {
        var put = server.call(HttpMethod.PUT, "/api/v1/sites/test/zones", server.operatorToken, Zones.collection(
                Zones.rectangle("ward", "DISINFECTION", 0, 0, 5, 5), Zones.rectangle("hall", "OPERATING_AREA", -1, -1, 20, 10)));
        assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
        assertThat(zones().getJsonArray("features")).hasSize(2);

        var closed = server.post("/api/v1/sites/test/zones/ward/close", server.operatorToken, new JsonObject());
        assertThat(closed.statusCode()).as(closed.bodyAsString()).isEqualTo(200);
        assertThat(closed.bodyAsJsonObject().getJsonObject("properties").getString("state")).isEqualTo("CLOSED");
        var opened = server.post("/api/v1/sites/test/zones/ward/open", server.operatorToken, new JsonObject());
        assertThat(opened.bodyAsJsonObject().getJsonObject("properties").getString("state")).isEqualTo("OPEN");
        assertThat(server.post("/api/v1/sites/test/zones/hall/close", server.operatorToken, new JsonObject())
                .statusCode()).isEqualTo(409);
        assertThat(server.get("/api/v1/sites/test/zones/ward/history", vendor).bodyAsJsonObject()
                .getJsonArray("history")).extracting(o -> ((JsonObject) o).getString("change"))
                .containsExactly("CREATED", "CLOSED", "OPENED");
    }

    @Test
    void bowtieUnclosedRingAndUnknownLevelAreRejectedNamingFeatureAndProblemAndNothingChanges() {
        server.post("/api/v1/sites/test/zones", server.operatorToken, Zones.rectangle("keep", "CAUTION", 0, 0, 1, 1));

        JsonObject bowtie = Zones.rectangle("bowtie", "KEEP_OUT", 0, 0, 1, 1);
        bowtie.getJsonObject("geometry").put("coordinates", new JsonArray().add(new JsonArray()
                .add(new JsonArray().add(0).add(0)).add(new JsonArray().add(2).add(2))
                .add(new JsonArray().add(2).add(0)).add(new JsonArray().add(0).add(2))
                .add(new JsonArray().add(0).add(0))));
        JsonObject unclosed = Zones.rectangle("open-ring", "KEEP_OUT", 0, 0, 1, 1);
        unclosed.getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0).remove(4);
        JsonObject nowhere = Zones.withProperty(Zones.rectangle("nowhere", "KEEP_OUT", 0, 0, 1, 1), "level", "L9");

        for (JsonObject bad : new JsonObject[]{bowtie, unclosed, nowhere}) {
            var res = server.call(HttpMethod.PUT, "/api/v1/sites/test/zones", server.operatorToken,
                    Zones.collection(Zones.rectangle("fine", "CAUTION", 3, 3, 4, 4), bad));
            assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(400);
            JsonObject error = res.bodyAsJsonObject().getJsonObject("error");
            assertThat(error.getString("code")).isEqualTo("invalid_zones");
            assertThat(error.getString("message")).contains(bad.getString("id"));
            var single = server.post("/api/v1/sites/test/zones", server.operatorToken, bad);
            assertThat(single.statusCode()).isEqualTo(400);
        }
        var bowtieRes = server.post("/api/v1/sites/test/zones", server.operatorToken, bowtie).bodyAsJsonObject();
        assertThat(bowtieRes.getJsonObject("error").getString("message")).containsIgnoringCase("self-intersection");
        JsonObject where = bowtieRes.getJsonObject("error").getJsonObject("details").getJsonArray("problems")
                .getJsonObject(0).getJsonObject("where");
        assertThat(where.getDouble("x")).isEqualTo(1.0);
        assertThat(where.getDouble("y")).isEqualTo(1.0);
        assertThat(server.post("/api/v1/sites/test/zones", server.operatorToken, unclosed).bodyAsJsonObject()
                .getJsonObject("error").getString("message")).containsIgnoringCase("closed");
        assertThat(server.post("/api/v1/sites/test/zones", server.operatorToken, nowhere).bodyAsJsonObject()
                .getJsonObject("error").getString("message")).contains("L9");

        assertThat(zones().getJsonArray("features")).hasSize(1);
        assertThat(zones().getJsonArray("features").getJsonObject(0).getString("id")).isEqualTo("keep");
    }

    @Test
    void vendorsReadZonesButOnlyOperatorsChangeThem() {
        var res = server.post("/api/v1/sites/test/zones", vendor, Zones.rectangle("mine", "KEEP_OUT", 0, 0, 1, 1));
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/sites/test/zones", vendor).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/sites/nowhere/zones", vendor).statusCode()).isEqualTo(404);
    }

    @Test
    void zonesSurviveARestart() throws Exception {
        server.post("/api/v1/sites/test/zones", server.operatorToken, Zones.rectangle("kept", "KEEP_OUT", 0, 0, 1, 1));
        server.stop();
        server = TestServer.start(data);
        assertThat(zones().getJsonArray("features")).hasSize(1);
        assertThat(server.get("/api/v1/sites/test/zones/kept/history", vendor).bodyAsJsonObject()
                .getJsonArray("history")).hasSize(1);
    }
}
