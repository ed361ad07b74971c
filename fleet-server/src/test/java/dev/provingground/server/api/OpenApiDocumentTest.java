package dev.provingground.server.api;

import dev.provingground.server.support.Await;
import dev.provingground.server.support.TestServer;
import dev.provingground.trackrecord.event.EventType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Locale;

/**
 * The OpenAPI document served at {@code /api/v1/openapi.yaml} matches the router: every route the server answers is
 * documented with its method, every documented operation is routed, and the error statuses the document promises are
 * the ones the server really answers. Real HTTP on loopback.
 */
class OpenApiDocumentTest {

    private static final String DOCUMENT = "/api/v1/openapi.yaml";

    @TempDir
    static Path data;
    static TestServer server;
    static String vendorToken;
    static String robotId;
    static OpenApiOutline outline;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(data);
        vendorToken = server.registerFirm("acme");
        robotId = server.registerRobot("acme", "Acme", "A-1", "indoor-delivery").getString("id");
        var res = server.get(DOCUMENT, server.operatorToken);
        assertThat(res.statusCode()).as("GET %s: %s", DOCUMENT, res.bodyAsString()).isEqualTo(200);
        outline = OpenApiOutline.parse(res.bodyAsString());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void documentIsServedAsYamlExactlyAsShipped() throws Exception {
        var res = server.get(DOCUMENT, vendorToken);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.getHeader("content-type")).isEqualTo("application/yaml");
        try (InputStream shipped = OpenApiRoutes.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            assertThat(shipped).as("classpath resource %s", OpenApiRoutes.RESOURCE).isNotNull();
            assertThat(res.bodyAsString()).isEqualTo(new String(shipped.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(res.bodyAsString()).startsWith("openapi: 3.1.");
    }

    @Test
    void theEventTypesItListsAreExactlyTheOnesTheTrackRecordWrites() throws Exception {
        String yaml;
        try (InputStream shipped = OpenApiRoutes.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            yaml = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher listed = Pattern.compile("\n    EventType:\n      type: string\n      enum: \\[([^\\]]*)]").matcher(yaml);
        assertThat(listed.find()).as("the EventType schema's enum").isTrue();
        assertThat(Arrays.stream(listed.group(1).split(",")).map(String::trim))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::typeName).toList());
    }

    @Test
    void documentIsReadableWithoutAToken() {
        var res = server.get(DOCUMENT, null);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.bodyAsString()).startsWith("openapi: 3.1.0");
    }

    @Test
    void everyRouteTheRouterServesIsDocumentedWithItsMethod() {
        Set<String> routed = routedOperations(server.server.api().router().getRoutes());
        assertThat(routed).as("routes found on the router").contains("GET /api/v1/robots/{id}", "GET " + DOCUMENT);
        assertThat(undocumented(routed)).as("routes missing from %s", DOCUMENT).isEmpty();
    }

    @Test
    void everyDocumentedOperationIsServedByTheRouter() {
        Set<String> routed = routedOperations(server.server.api().router().getRoutes());
        Set<String> stale = new TreeSet<>(outline.operations().keySet());
        stale.removeAll(routed);
        assertThat(stale).as("operations in %s that no route serves", DOCUMENT).isEmpty();
    }

    @Test
    void aRouteAddedWithoutDocumentationIsCaught() {
        Router scratch = Router.router(server.vertx);
        scratch.get("/api/v1/robots/:id/undocumented").handler(ctx -> ctx.end());
        scratch.post("/api/v1/firms").handler(ctx -> ctx.end());
        List<Route> routes = new ArrayList<>(server.server.api().router().getRoutes());
        routes.addAll(scratch.getRoutes());
        assertThat(undocumented(routedOperations(routes))).containsExactly("GET /api/v1/robots/{id}/undocumented");
    }

    @Test
    void everythingButHealthAndThisDocumentRequiresTheBearerTokenAndSaysSo() {
        // Health is open too, but a token sent to it is checked (401 if refused); this document never looks at one.
        Set<String> neverChecksAToken = Set.of("GET /api/v1/openapi.yaml");
        assertThat(outline.globalSecurity()).containsExactly("bearerAuth");
        outline.operations().forEach((operation, statuses) -> {
            if (neverChecksAToken.contains(operation)
                    || !(operation.contains(" /api/v1/") || operation.endsWith(" /metrics")))
                assertThat(statuses).as("responses of %s", operation).doesNotContain("401");
            else
                assertThat(statuses).as("responses of %s", operation).contains("401");
        });
        assertThat(server.get("/api/v1/health", null).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/openapi.yaml", null).statusCode()).isEqualTo(200);
        assertThat(server.get("/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void errorStatusesTheServerAnswersAreTheDocumentedOnes() {
        String operator = server.operatorToken;
        JsonObject order = new JsonObject().put("nodes", new JsonArray()
                .add(new JsonObject().put("x", 1.0).put("y", 2.0).put("mapId", "L1")));
        JsonObject zones = new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray());
        JsonObject badZones = new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray()
                .add(new JsonObject().put("type", "Feature").put("id", "z").put("properties",
                        new JsonObject().put("level", "nowhere").put("kind", "KEEP_OUT"))));
        expectDocumented(HttpMethod.POST, "/api/v1/firms", operator, new JsonObject(), 400, "invalid_input");
        expectDocumented(HttpMethod.POST, "/api/v1/firms", vendorToken, new JsonObject().put("name", "X"), 403,
                "forbidden");
        expectDocumented(HttpMethod.POST, "/api/v1/firms", operator, new JsonObject().put("id", "acme")
                .put("name", "Acme again"), 409, "conflict");
        expectDocumented(HttpMethod.POST, "/api/v1/robots", operator, new JsonObject().put("manufacturer", "Acme")
                .put("serialNumber", "A-1").put("firm", "acme").put("profile", "indoor-delivery"), 409, "conflict");
        expectDocumented(HttpMethod.GET, "/api/v1/robots/rb-none", operator, null, 404, "not_found");
        expectDocumented(HttpMethod.POST, "/api/v1/robots/" + robotId + "/orders", operator, order, 409, "conflict");
        expectDocumented(HttpMethod.PUT, "/api/v1/robots/" + robotId + "/dispatch", operator,
                new JsonObject().put("dispatch", "SOMETIMES"), 400, "invalid_input");
        expectDocumented(HttpMethod.PUT, "/api/v1/robots/rb-none/dispatch", operator,
                new JsonObject().put("dispatch", "VENDOR"), 404, "not_found");
        expectDocumented(HttpMethod.POST, "/api/v1/robots/" + robotId + "/instant-actions", operator,
                new JsonObject().put("actions", new JsonArray()), 400, "invalid_input");
        expectDocumented(HttpMethod.GET, "/api/v1/events?limit=0", operator, null, 400, "invalid_input");
        expectDocumented(HttpMethod.GET, "/api/v1/sites/nowhere/zones", operator, null, 404, "not_found");
        expectDocumented(HttpMethod.GET, "/api/v1/sites/test/zones?frame=mercator", operator, null, 400,
                "invalid_input");
        expectDocumented(HttpMethod.PUT, "/api/v1/sites/test/zones", vendorToken, zones, 403, "forbidden");
        expectDocumented(HttpMethod.PUT, "/api/v1/sites/test/zones", operator, badZones, 400, "invalid_zones");
        expectDocumented(HttpMethod.POST, "/api/v1/sites/test/zones/nothing/close", operator, null, 404, "not_found");
        expectDocumented(HttpMethod.GET, "/api/v1/sites/test/log/key", vendorToken, null, 403, "forbidden");
        expectDocumented(HttpMethod.GET, "/api/v1/sites/nowhere", vendorToken, null, 404, "not_found");
        expectDocumented(HttpMethod.GET, "/api/v1/sites/nowhere/history", vendorToken, null, 404, "not_found");
        // A well-formed site (a malformed body is refused with 400 before any role is looked at).
        expectDocumented(HttpMethod.PUT, "/api/v1/sites/test", vendorToken,
                server.get("/api/v1/sites/test", vendorToken).bodyAsJsonObject(), 403, "forbidden");
        expectDocumented(HttpMethod.PUT, "/api/v1/sites/test", operator, new JsonObject().put("id", "other"), 400,
                "invalid_site");
        expectDocumented(HttpMethod.PUT, "/api/v1/sites/test/levels/L1/floor-plan?metresPerPixel=0.05", vendorToken,
                new JsonObject(), 403, "forbidden");
        expectDocumented(HttpMethod.PUT, "/api/v1/sites/test/levels/L1/floor-plan?metresPerPixel=0.05", operator,
                new JsonObject(), 400, "invalid_floor_plan");
        expectDocumented(HttpMethod.PUT, "/api/v1/sites/test/levels/L9/floor-plan?metresPerPixel=0.05", operator,
                new JsonObject(), 404, "not_found");
        expectDocumented(HttpMethod.GET, "/api/v1/sites/test/levels/L1/floor-plan", vendorToken, null, 404,
                "not_found");
        expectDocumented(HttpMethod.DELETE, "/api/v1/sites/test/levels/L1/floor-plan", vendorToken, null, 403,
                "forbidden");
        expectDocumented(HttpMethod.GET, "/api/v1/sites/test/floor-plans/" + "0".repeat(64), vendorToken, null, 404,
                "not_found");
        expectDocumented(HttpMethod.GET, "/api/v1/reports/export?site=nowhere&firm=acme", operator, null, 404,
                "not_found");
        expectDocumented(HttpMethod.GET, "/api/v1/reports/pdf?site=test&firm=acme&lang=fr", operator, null, 400,
                "invalid_input");
        expectDocumented(HttpMethod.POST, "/api/v1/sites/test/elevators/E1/cars/E1-A/credentials", vendorToken, null,
                403, "forbidden");
        expectDocumented(HttpMethod.POST, "/api/v1/sites/test/elevators/E1/cars/E1-A/credentials", operator, null,
                404, "not_found");
    }

    @Test
    void aPlainGetOfTheLiveFeedIsRefusedAsDocumented() {
        var res = server.get("/api/v1/live", server.operatorToken);
        assertThat(res.statusCode()).as("GET /api/v1/live answered %s", res.bodyAsString()).isEqualTo(400);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("not_websocket");
        assertThat(outline.operations().get("GET /api/v1/live")).contains("400", "101");
    }

    @Test
    void everyDocumentSchemaInDocsIsServedAsPublished() throws Exception {
        for (String name : List.of("site.schema.json", "zone.schema.json", "zone-collection.schema.json",
                "elevator-rules.schema.json", "hardware-profile.schema.json")) {
            var res = server.get("/api/v1/schemas/" + name, vendorToken);
            assertThat(res.statusCode()).as(name).isEqualTo(200);
            assertThat(res.getHeader("content-type")).isEqualTo("application/schema+json");
            assertThat(res.bodyAsJsonObject()).as(name)
                    .isEqualTo(new JsonObject(java.nio.file.Files.readString(Path.of("..", "docs", "schemas", name))));
        }
        var unknown = server.get("/api/v1/schemas/robot.schema.json", vendorToken);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.bodyAsString()).contains("hardware-profile.schema.json");
    }

    @Test
    void anOversizeBodyGets413WhereTheDocumentSaysSo() {
        String name = "x".repeat((1 << 20) + 1); // TestServer's body limit is 1 MiB
        var req = server.http.request(HttpMethod.POST, server.server.httpPort(), "127.0.0.1", "/api/v1/firms")
                .putHeader("Authorization", "Bearer " + server.operatorToken)
                .putHeader("content-type", "application/json");
        var res = Await.result(req.sendBuffer(Buffer.buffer("{\"name\": \"" + name + "\"}")));
        assertDocumented(HttpMethod.POST, "/api/v1/firms", res, 413, "payload_too_large");
    }

    private static void expectDocumented(HttpMethod method, String uri, String token, JsonObject body, int status,
                                          String code) {
        assertDocumented(method, uri, server.call(method, uri, token, body), status, code);
    }

    private static void assertDocumented(HttpMethod method, String uri, HttpResponse<Buffer> res, int status,
                                         String code) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        String operation = outline.operationFor(method.name(), path);
        assertThat(res.statusCode()).as("%s %s answered %s", method, uri, res.bodyAsString()).isEqualTo(status);
        assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("code")).as("%s %s", method, uri)
                .isEqualTo(code);
        assertThat(outline.operations().get(operation)).as("documented responses of %s", operation)
                .contains(String.valueOf(status));
    }

    private static Set<String> undocumented(Set<String> routed) {
        Set<String> missing = new TreeSet<>(routed);
        missing.removeAll(outline.operations().keySet());
        return missing;
    }

    /**
     * "METHOD /path/{param}" for every route that names its methods; routes without methods are the shared handlers
     * (body limit, bearer auth, failure handler, the 404 catch-all), not operations.
     */
    private static Set<String> routedOperations(List<Route> routes) {
        Set<String> out = new TreeSet<>();
        for (Route route : routes) {
            Set<HttpMethod> methods = route.methods();
            if (methods == null || methods.isEmpty()) continue;
            String path = route.isRegexPath() && route.getPath() == null ? "<regex route>"
                    : route.getPath() == null ? "<any path>" : route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            for (HttpMethod m : methods) out.add(m.name() + " " + path);
        }
        return out;
    }

    /**
     * What the test needs from the document, read as text (no YAML parser is on the classpath): the global security
     * requirements and, per operation, its response statuses. It relies on the document's layout — paths at two
     * spaces, methods at four, response codes at eight — and fails on any line under {@code paths} that breaks it,
     * so a layout change cannot silently hide an operation.
     */
    record OpenApiOutline(Set<String> globalSecurity, Map<String, Set<String>> operations) {

        private static final Pattern PATH = Pattern.compile("^ {2}(/\\S*):\\s*$");
        private static final Pattern METHOD =
                Pattern.compile("^ {4}(get|put|post|delete|patch|head|options|trace):\\s*$");
        private static final Pattern STATUS = Pattern.compile("^ {8}'(\\d{3})':\\s*$");
        private static final Pattern SECURITY = Pattern.compile("^ {2}- (\\w+): \\[]\\s*$");

        static OpenApiOutline parse(String yaml) {
            String[] lines = yaml.split("\n", -1);
            Set<String> security = new TreeSet<>();
            Map<String, Set<String>> operations = new TreeMap<>();
            String section = null;
            String path = null;
            String operation = null;
            boolean inResponses = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
                if (!line.startsWith(" ")) {
                    section = line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
                    continue;
                }
                if ("security".equals(section)) {
                    Matcher m = SECURITY.matcher(line);
                    if (!m.matches()) throw layout(i, "a global security entry", line);
                    security.add(m.group(1));
                } else if ("paths".equals(section)) {
                    int indent = line.length() - line.stripLeading().length();
                    if (indent == 2) {
                        Matcher m = PATH.matcher(line);
                        if (!m.matches()) throw layout(i, "a path key", line);
                        path = m.group(1);
                        operation = null;
                    } else if (indent == 4) {
                        Matcher m = METHOD.matcher(line);
                        operation = null;
                        if (m.matches()) {
                            operation = m.group(1).toUpperCase(Locale.ROOT) + " " + path;
                            if (operations.put(operation, new TreeSet<>()) != null)
                                throw new AssertionError("line " + (i + 1) + ": " + operation + " is documented twice");
                        } else if (!line.trim().startsWith("parameters:")) {
                            throw layout(i, "an HTTP method or parameters", line);
                        }
                    } else if (indent == 6 && operation != null) {
                        inResponses = line.trim().equals("responses:");
                    } else if (indent == 8 && operation != null && inResponses) {
                        Matcher m = STATUS.matcher(line);
                        if (!m.matches()) throw layout(i, "a quoted status code", line);
                        operations.get(operation).add(m.group(1));
                    }
                }
            }
            if (operations.isEmpty()) throw new AssertionError("the document has no operations under paths:");
            return new OpenApiOutline(security, operations);
        }

        private static AssertionError layout(int index, String expected, String line) {
            return new AssertionError("openapi.yaml line " + (index + 1) + ": expected " + expected + ", got: " + line);
        }

        /** The documented operation whose path template matches a concrete request path. */
        String operationFor(String method, String path) {
            for (String operation : operations.keySet()) {
                String[] parts = operation.split(" ", 2);
                if (!parts[0].equals(method)) continue;
                String regex = Pattern.quote(parts[1]).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                if (path.matches(regex)) return operation;
            }
            throw new AssertionError("no documented operation for " + method + " " + path);
        }
    }
}
