package dev.provingground.server.api.corpus;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import dev.provingground.server.config.MqttConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's acceptance corpus: at least 5,000 generated hostile requests over every POST/PUT operation of the API,
 * sent over real HTTP to a real server. None is answered 5xx; none answered with an error changes anything (a digest
 * of every collection and of the data directory is the same before and after); every accepted body round-trips
 * equal to what was sent (nothing coerced); and the server starts again on the same data with exports that verify.
 */
class RequestCorpusIT {

    private static final int CORPUS_SIZE = 5_000;
    private static final long SEED = 17;

    @TempDir
    Path data;
    @TempDir
    Path out;

    @Test
    void fiveThousandHostileRequestsGetNo5xxChangeNothingWhenRefusedCoerceNothingAndTheServerRestarts() throws Exception {
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int total;
        List<String> last;
        TestServer server = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site()));
        try {
            server.registerFirm("acme");
            String robot = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery").getString("id");
            JsonObject zones = new JsonObject().put("type", "FeatureCollection")
                    .put("features", new JsonArray().add(zone().put("id", "z1")));
            var placed = send(server, "PUT", "/api/v1/sites/test/zones", zones.encode());
            assertThat(placed.statusCode()).as(placed.bodyAsString()).isLessThan(300);
            var task = send(server, "POST", "/api/v1/tasks", task(0).encode());
            String taskId = task.bodyAsJsonObject().getJsonObject("booking", new JsonObject()).getString("id", "t1");

            List<RequestCorpus.Operation> operations = operations(robot, taskId);
            assertThat(operations.stream().map(op -> op.method() + " " + op.template()).toList())
                    .as("every POST/PUT operation of the OpenAPI document with a JSON body or none")
                    .containsExactlyInAnyOrderElementsOf(documentedChanges(server));
            List<RequestCorpus.Request> corpus = new RequestCorpus(SEED).generate(operations, CORPUS_SIZE);
            total = corpus.size();
            List<String> before = digest(server);
            for (RequestCorpus.Request request : corpus) {
                HttpResponse<Buffer> res = send(server, request.method(), request.path(), request.body());
                String label = request.method() + " " + abbreviate(request.path()) + " [" + request.what() + "] → "
                        + res.statusCode() + " " + abbreviate(res.bodyAsString());
                if (res.statusCode() >= 500) failures.add("5xx: " + label);
                List<String> after = digest(server);
                if (res.statusCode() >= 200 && res.statusCode() < 300) {
                    accepted++;
                    after = settled(server, after);
                    String coerced = roundTrip(server, request, res);
                    if (coerced != null) failures.add("coerced " + coerced + ": " + label);
                } else if (!after.equals(before)) {
                    failures.add("state changed (" + changed(before, after) + ") on " + label);
                }
                before = after;
                if (failures.size() > 40) break;
            }
            last = before;
        } finally {
            server.stop();
        }
        assertThat(total).isGreaterThanOrEqualTo(CORPUS_SIZE);
        // What is on disk is what was answered: the server started again on the same data holds the same state.
        assertThat(failures).as("of %d requests, %d accepted", total, accepted).isEmpty();

        TestServer again = TestServer.start(data, MqttConfig.defaults().withPort(0), List.of(site()));
        try {
            assertThat(again.get("/api/v1/health", again.operatorToken).statusCode()).isEqualTo(200);
            assertThat(changed(last, digest(again))).as("the state after a restart").isEqualTo("nothing");
            // Every firm with robots has a track record (a firm without robots has none to export).
            java.util.Set<String> firms = new java.util.TreeSet<>();
            for (Object robot : again.get("/api/v1/robots", again.operatorToken).bodyAsJsonObject().getJsonArray("robots"))
                firms.add(((JsonObject) robot).getString("firm"));
            assertThat(firms).isNotEmpty();
            for (String firm : firms) assertExportVerifies(again, firm);
        } finally {
            again.stop();
        }
    }

    /** The POST and PUT operations the served OpenAPI document lists, but the floor-plan image upload (not JSON). */
    @SuppressWarnings("unchecked")
    private static List<String> documentedChanges(TestServer server) {
        java.util.Map<String, Object> document = new org.yaml.snakeyaml.Yaml().load(
                server.get("/api/v1/openapi.yaml", server.operatorToken).bodyAsString());
        List<String> changes = new ArrayList<>();
        ((java.util.Map<String, Object>) document.get("paths")).forEach((path, item) -> {
            if (path.endsWith("/floor-plan")) return;
            for (String method : List.of("post", "put"))
                if (((java.util.Map<String, Object>) item).containsKey(method))
                    changes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
        });
        return changes;
    }

    private List<RequestCorpus.Operation> operations(String robot, String task) {
        List<RequestCorpus.Operation> ops = new ArrayList<>();
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/firms", List.of(),
                n -> new JsonObject().put("id", "firm-" + n).put("name", "Firm " + n)));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/firms/{firm}/tokens", List.of("acme"), null));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/firms/{firm}/manufacturers", List.of("acme"),
                n -> new JsonObject().put("name", "Maker " + n)));
        ops.add(new RequestCorpus.Operation("PUT", "/api/v1/manufacturers/{name}", List.of("Zeta"),
                n -> new JsonObject().put("firm", "acme")));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/robots", List.of(), n -> new JsonObject()
                .put("manufacturer", "Acme").put("serialNumber", "S-" + n).put("firm", "acme")
                .put("profile", "indoor-delivery").put("site", "test").put("dispatch", "SERVER")));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/robots/{id}/credentials", List.of(robot), null));
        ops.add(new RequestCorpus.Operation("PUT", "/api/v1/robots/{id}/dispatch", List.of(robot),
                n -> new JsonObject().put("dispatch", n % 2 == 0 ? "SERVER" : "VENDOR")));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/robots/{id}/orders", List.of(robot), n -> new JsonObject()
                .put("orderId", "o-" + n).put("maxSpeed", 1.5).put("nodes", new JsonArray().add(new JsonObject()
                        .put("nodeId", "n0").put("x", 1.25).put("y", 2.5).put("mapId", "L1").put("theta", 0.5)
                        .put("actions", new JsonArray().add(action()))))));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/robots/{id}/instant-actions", List.of(robot),
                n -> new JsonObject().put("actions", new JsonArray().add(action()))));
        ops.add(new RequestCorpus.Operation("PUT", "/api/v1/sites/{site}", List.of("test"), n -> siteJson()));
        ops.add(new RequestCorpus.Operation("PUT", "/api/v1/sites/{site}/zones", List.of("test"), n -> new JsonObject()
                .put("type", "FeatureCollection").put("features", new JsonArray().add(zone().put("id", "z1")))));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/sites/{site}/zones", List.of("test"), n -> zone()));
        ops.add(new RequestCorpus.Operation("PUT", "/api/v1/sites/{site}/zones/{id}", List.of("test", "z1"),
                n -> zone().put("id", "z1")));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/sites/{site}/zones/{id}/close", List.of("test", "z1"), null));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/sites/{site}/zones/{id}/open", List.of("test", "z1"), null));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/sites/{site}/elevators/{id}/cars/{car}/credentials",
                List.of("test", "e1", "c1"), null));
        ops.add(new RequestCorpus.Operation("PUT", "/api/v1/sites/{site}/elevators/{id}/rules", List.of("test", "e1"),
                n -> new JsonObject().put("allowedKinds", new JsonArray().add("DELIVERY")).put("maxRobotsPerCar", 1)
                        .put("passengerPolicy", "ROBOT_ONLY").put("peakWindows", new JsonArray().add(new JsonObject()
                                .put("days", new JsonArray().add("MONDAY")).put("from", "08:00").put("to", "09:00")))));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/tasks", List.of(), RequestCorpusIT::task));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/tasks/{id}/cancel", List.of(task), null));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/robots/{id}/interventions", List.of(robot),
                n -> new JsonObject().put("kind", "TELEOP").put("reason", "stuck at a door").put("resolveSeconds", 12.5)));
        ops.add(new RequestCorpus.Operation("POST", "/api/v1/sites/{site}/incidents", List.of("test"),
                n -> new JsonObject().put("severity", "MINOR").put("description", "bumped a chair").put("robot", robot)));
        return ops;
    }

    private static JsonObject action() {
        return new JsonObject().put("actionType", "startPause").put("actionId", "p1").put("blockingType", "HARD")
                .put("actionParameters", new JsonArray().add(new JsonObject().put("key", "k").put("value", "v")));
    }

    private static JsonObject task(int n) {
        return new JsonObject().put("site", "test").put("category", "go_to_place")
                .put("description", new JsonObject().put("place", "desk")).put("priority", 1)
                .put("labels", new JsonArray().add("corpus")).put("requester", "tester")
                .put("unix_millis_earliest_start_time", 0);
    }

    private static JsonObject zone() {
        return new JsonObject().put("type", "Feature").put("geometry", new JsonObject().put("type", "Polygon")
                        .put("coordinates", new JsonArray().add(new JsonArray().add(new JsonArray().add(2).add(-1))
                                .add(new JsonArray().add(4).add(-1)).add(new JsonArray().add(4).add(1))
                                .add(new JsonArray().add(2).add(1)).add(new JsonArray().add(2).add(-1)))))
                .put("properties", new JsonObject().put("level", "L1").put("kind", "SPEED_LIMIT").put("name", "Slow")
                        .put("maxSpeed", 0.5));
    }

    private static final String SITE = """
            {"id": "test", "name": "Test hall", "timeZone": "UTC",
             "levels": [{"id": "L1", "name": "Hall", "floor": 1, "outdoor": false,
               "waypoints": [{"id": "a", "x": 0, "y": 0}, {"id": "b", "x": 10, "y": 0}],
               "lanes": [{"from": "a", "to": "b"}]}],
             "places": [{"name": "desk", "level": "L1", "waypoint": "b"}],
             "chargers": [{"name": "dock", "level": "L1", "waypoint": "a"}], "elevators": []}
            """;

    private static JsonObject siteJson() {
        return new JsonObject(SITE);
    }

    private static Site site() {
        return SiteFormat.read(new ByteArrayInputStream(SITE.getBytes()), "corpus-site.json");
    }

    private static HttpResponse<Buffer> send(TestServer server, String method, String path, String body) {
        var req = server.http.request(HttpMethod.valueOf(method), server.server.httpPort(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + server.operatorToken);
        if (body == null) return Await.result(req.send());
        return Await.result(req.putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body)));
    }

    /** Everything a request could change: every collection the API lists (the site list is derived from the site). */
    private static List<String> digest(TestServer server) throws Exception {
        List<Future<HttpResponse<Buffer>>> reads = new ArrayList<>();
        for (String path : List.of("/api/v1/firms", "/api/v1/robots", "/api/v1/sites/test",
                "/api/v1/sites/test/zones", "/api/v1/tasks", "/api/v1/sites/test/elevators", "/api/v1/manufacturers",
                "/api/v1/firms/acme/tokens"))
            reads.add(server.http.get(server.server.httpPort(), "127.0.0.1", path)
                    .putHeader("Authorization", "Bearer " + server.operatorToken).send());
        List<String> parts = new ArrayList<>();
        for (var read : reads) {
            var res = Await.result(read);
            parts.add(res.statusCode() + " " + withoutDerivedText(inIdOrder(res.bodyAsString())));
        }
        return parts;
    }

    /**
     * An accepted change may have consequences a moment later (a robot set to VENDOR gives its task back): the digest
     * once two readings in a row agree.
     */
    private static List<String> settled(TestServer server, List<String> first) throws Exception {
        List<String> last = first;
        for (int reading = 0; reading < 200; reading++) {
            List<String> next = digest(server);
            if (next.equals(last)) return next;
            last = next;
        }
        throw new AssertionError("the state did not settle after an accepted request");
    }

    private static String changed(List<String> before, List<String> after) {
        for (int i = 0; i < before.size(); i++)
            if (!before.get(i).equals(after.get(i))) {
                String a = before.get(i), b = after.get(i);
                int at = 0;
                while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) at++;
                int from = Math.max(0, at - 120);
                return "was …" + abbreviate(a.substring(from)) + " now …" + abbreviate(b.substring(from));
            }
        return "nothing";
    }

    /** A zone set lists its features in no promised order: compared by id. */
    private static String inIdOrder(String body) {
        if (!body.startsWith("{\"type\":\"FeatureCollection\"")) return body;
        JsonObject collection = new JsonObject(body);
        List<Object> features = new ArrayList<>(collection.getJsonArray("features").getList());
        features.sort(java.util.Comparator.comparing(f -> String.valueOf(f instanceof JsonObject o ? o.getValue("id")
                : ((java.util.Map<?, ?>) f).get("id"))));
        return collection.put("features", new JsonArray(features)).encode();
    }

    /**
     * A waiting task's {@code reason} ("waiting for a robot; 7 not online") and dispatch attempts are re-derived by the
     * dispatcher as time passes, not changed by a request; everything else of a task counts.
     */
    private static String withoutDerivedText(String body) {
        return body.replaceAll("\"reason\":\"waiting for a robot[^\"]*\"", "\"reason\":\"waiting\"")
                .replaceAll("\"dispatch\":\\{\"attempts\":\\d+", "\"dispatch\":{\"attempts\":0");
    }

    /** What was coerced: the first value sent that the answer (or a GET of what was PUT) holds differently. */
    private static String roundTrip(TestServer server, RequestCorpus.Request request, HttpResponse<Buffer> res) {
        Object sent = Json.decodeValue(request.body() == null ? "null" : request.body());
        if (!(sent instanceof JsonObject)) return null;
        List<Object> answers = new ArrayList<>();
        Object answer = res.body() == null || res.body().length() == 0 ? null : Json.decodeValue(res.body());
        answers.add(answer);
        if (answer instanceof JsonObject o)
            o.forEach(e -> {
                if (e.getValue() instanceof JsonObject) answers.add(e.getValue());
            });
        if (request.method().equals("PUT")) {
            var stored = server.get(request.path(), server.operatorToken);
            if (stored.statusCode() == 200) answers.add(0, stored.bodyAsJson(Object.class));
        }
        for (String pointer : RequestCorpus.pointers(sent)) {
            Object value = at(sent, pointer);
            if (value instanceof JsonObject || value instanceof JsonArray) continue;
            for (Object candidate : answers) {
                if (!has(candidate, pointer)) continue;
                Object got = at(candidate, pointer);
                if (!same(value, got) && !annotated(request, pointer, value, got))
                    return pointer + " sent " + value + " answered " + got;
                break;
            }
        }
        return null;
    }

    /** The one documented change to what was sent: an intervention's reason gets "(reported by <actor>)". */
    private static boolean annotated(RequestCorpus.Request request, String pointer, Object sent, Object got) {
        return request.path().endsWith("/interventions") && pointer.equals("/reason") && got instanceof String text
                && text.startsWith(sent + " (reported by operator:");
    }

    private static boolean same(Object sent, Object got) {
        if (sent instanceof Number a && got instanceof Number b)
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        return sent == null ? got == null : sent.equals(got);
    }

    private static boolean has(Object node, String pointer) {
        for (String part : pointer.substring(1).split("/")) {
            if (node instanceof JsonObject o && o.containsKey(part)) node = o.getValue(part);
            else if (node instanceof JsonArray a && part.matches("\\d+") && Integer.parseInt(part) < a.size())
                node = a.getValue(Integer.parseInt(part));
            else return false;
        }
        return true;
    }

    private static Object at(Object node, String pointer) {
        for (String part : pointer.substring(1).split("/"))
            node = node instanceof JsonObject o ? o.getValue(part) : ((JsonArray) node).getValue(Integer.parseInt(part));
        return node;
    }

    private void assertExportVerifies(TestServer server, String firm) throws Exception {
        var res = server.get("/api/v1/reports/export?site=test&firm=" + firm, server.operatorToken);
        assertThat(res.statusCode()).as(firm + ": " + res.bodyAsString()).isEqualTo(200);
        Path bundle = out.resolve(firm + ".zip");
        Files.write(bundle, res.body().getBytes());
        VerifierKey key = VerifierKey.parse(server.get("/api/v1/sites/test/log/key?firm=" + firm, server.operatorToken)
                .bodyAsString().trim());
        VerifyResult verified = new BundleVerifier().verify(bundle, key);
        assertThat(verified.ok()).as(firm + ": " + verified.firstProblem()).isTrue();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 160 ? String.valueOf(text) : text.substring(0, 160) + "…";
    }
}
