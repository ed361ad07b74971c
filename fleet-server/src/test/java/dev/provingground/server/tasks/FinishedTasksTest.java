package dev.provingground.server.tasks;

import dev.provingground.server.support.TestServer;
import dev.provingground.server.support.VirtualServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finished task leaves the server's live tasks for the store's archive, and is still served from there: by id, in
 * listings by status, a page at a time, and after a restart. Real server in virtual time; its one robot stays offline,
 * so tasks wait in the queue until they are canceled.
 */
class FinishedTasksTest {

    @TempDir
    Path data;
    VirtualServer virtual;
    TestServer server;
    String acme;

    @BeforeEach
    void start() throws Exception {
        startServer();
        acme = server.registerFirm("acme");
        var registered = server.post("/api/v1/robots", server.operatorToken, new JsonObject().put("manufacturer", "acme")
                .put("serialNumber", "A-1").put("firm", "acme").put("profile", "indoor-delivery").put("site", "hall"));
        assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    }

    private void startServer() throws Exception {
        virtual = VirtualServer.start(data, List.of(RobotDispatchModeTest.HALL));
        server = virtual.api();
    }

    @AfterEach
    void stop() {
        virtual.stop();
    }

    private String submit(String token) {
        var res = server.post("/api/v1/tasks", token, new JsonObject().put("site", "hall").put("category", "go_to_place")
                .put("description", new JsonObject().put("place", "end")));
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
        // A second apart, so the order they were requested in is plain.
        virtual.advance(Duration.ofSeconds(1));
        return res.bodyAsJsonObject().getJsonObject("booking").getString("id");
    }

    private void cancel(String id) {
        var res = server.post("/api/v1/tasks/" + id + "/cancel", server.operatorToken, new JsonObject());
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    }

    private List<String> liveIds() {
        virtual.settle();
        return virtual.onServer(() -> virtual.server().tasks().live().stream().map(Task::id).toList());
    }

    private JsonObject list(String token, String query) {
        var res = server.get("/api/v1/tasks" + query, token);
        assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
        return res.bodyAsJsonObject();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("tasks").stream().map(t -> ((JsonObject) t).getJsonObject("booking").getString("id"))
                .toList();
    }

    /** Every task the listing gives, following its pages of {@code limit}. */
    private List<String> allPages(String query, int limit) {
        List<String> out = new ArrayList<>();
        String after = null;
        do {
            JsonObject page = list(server.operatorToken, query + "&limit=" + limit + (after == null ? "" : "&after=" + after));
            assertThat(page.getJsonArray("tasks").size()).as("page size").isLessThanOrEqualTo(limit);
            out.addAll(ids(page));
            after = page.getString("next");
        } while (after != null);
        return out;
    }

    @Test
    void aCanceledTaskLeavesTheLiveTasksAndIsStillServedByIdAndByStatusAfterARestart() throws Exception {
        String kept = submit(server.operatorToken);
        String canceled = submit(server.operatorToken);

        cancel(canceled);

        assertThat(liveIds()).containsExactly(kept);
        assertThat(server.get("/api/v1/tasks/" + canceled, server.operatorToken).bodyAsJsonObject().getString("status"))
                .isEqualTo("canceled");
        assertThat(ids(list(server.operatorToken, "?status=canceled"))).containsExactly(canceled);
        assertThat(ids(list(server.operatorToken, ""))).containsExactly(kept, canceled);

        virtual.stop();
        startServer();

        assertThat(liveIds()).containsExactly(kept);
        assertThat(server.get("/api/v1/tasks/" + canceled, server.operatorToken).bodyAsJsonObject().getString("status"))
                .isEqualTo("canceled");
        assertThat(ids(list(server.operatorToken, "?status=canceled"))).containsExactly(canceled);
        assertThat(server.post("/api/v1/tasks/" + canceled + "/cancel", server.operatorToken, new JsonObject())
                .statusCode()).as("canceling it again").isEqualTo(409);
        assertThat(server.get("/api/v1/tasks/task-00000000-0000", server.operatorToken).statusCode()).isEqualTo(404);
    }

    @Test
    void theListPagesOverLiveAndFinishedTasksInTheOrderTheyWereRequestedEitherWay() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 7; i++) submitted.add(submit(server.operatorToken));
        cancel(submitted.get(1));
        cancel(submitted.get(4));
        cancel(submitted.get(5));
        virtual.settle();

        assertThat(allPages("?order=asc", 2)).containsExactlyElementsOf(submitted);
        List<String> newestFirst = new ArrayList<>(submitted);
        Collections.reverse(newestFirst);
        assertThat(allPages("?order=desc", 3)).containsExactlyElementsOf(newestFirst);
        assertThat(allPages("?status=canceled", 1))
                .containsExactly(submitted.get(1), submitted.get(4), submitted.get(5));
        assertThat(allPages("?status=queued", 2))
                .containsExactly(submitted.get(0), submitted.get(2), submitted.get(3), submitted.get(6));
        assertThat(list(server.operatorToken, "?limit=7").containsKey("next")).as("a page holding the rest").isFalse();
    }

    @Test
    void aVendorListsOnlyItsOwnFirmsFinishedTasks() {
        String own = submit(acme);
        String other = submit(server.operatorToken);
        cancel(own);
        cancel(other);
        virtual.settle();

        assertThat(ids(list(acme, "?status=canceled"))).containsExactly(own);
        assertThat(server.get("/api/v1/tasks/" + other, acme).statusCode()).isEqualTo(403);
        assertThat(ids(list(server.operatorToken, "?status=canceled"))).containsExactly(own, other);
    }

    @Test
    void aPageSizeOutsideOneToAThousandIsRefusedNamingTheParameter() {
        for (String limit : List.of("0", "1001", "many")) {
            var res = server.get("/api/v1/tasks?limit=" + limit, server.operatorToken);
            assertThat(res.statusCode()).as("limit " + limit).isEqualTo(400);
            assertThat(res.bodyAsString()).contains("limit");
        }
    }
}
