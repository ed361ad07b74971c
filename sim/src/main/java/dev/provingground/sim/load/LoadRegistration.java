package dev.provingground.sim.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Sets our server up for the load generator over its REST API, as any operator would: the hall
 * ({@link LoadHall#site()}), its keep-out zone, a firm, and the robots, whose MQTT logins it answers. Run again, it
 * finds what is there: the site and zones are put again (unchanged), the firm kept, robots already registered get new
 * passwords. Blocking; from a plain thread.
 */
public final class LoadRegistration {

    public static final String FIRM = "loadgen";
    public static final String MANUFACTURER = "LoadWorks";
    private static final String PROFILE = "indoor-delivery";
    /** Registrations in flight at once; the server commits them in groups. */
    private static final int IN_FLIGHT = 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String operatorToken;

    /** @param base the server's HTTP address, e.g. {@code http://127.0.0.1:8080} */
    public LoadRegistration(URI base, String operatorToken) {
        if (operatorToken == null || operatorToken.isBlank())
            throw new IllegalArgumentException("an operator token is needed to register the load generator's robots");
        this.base = base;
        this.operatorToken = operatorToken.trim();
    }

    /** Puts the hall, its zone and the firm, then registers robots 0 … {@code robots - 1}; answers their logins. */
    public List<LoadLogin> register(int robots) {
        expect(call("PUT", "/api/v1/sites/" + LoadHall.SITE, LoadHall.site()), 200, 201);
        expect(call("PUT", "/api/v1/sites/" + LoadHall.SITE + "/zones", LoadHall.zones()), 200);
        expect(call("POST", "/api/v1/firms", new JsonObject().put("id", FIRM).put("name", "Load generator")), 201, 409);
        Map<String, String> existing = existingRobots();
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < robots; i++) serials.add(LoadLogin.serial(i));
        List<LoadLogin> logins = new ArrayList<>();
        // The first alone: it claims the manufacturer name for the firm before the others ask under it.
        logins.add(joined(login(serials.get(0), existing)));
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<LoadLogin>> rest = new ArrayList<>();
        for (String serial : serials.subList(1, serials.size())) {
            slots.acquireUninterruptibly();
            rest.add(login(serial, existing).whenComplete((l, e) -> slots.release()));
        }
        for (CompletableFuture<LoadLogin> f : rest) logins.add(joined(f));
        return logins;
    }

    /** The value, or the failure as it happened (not wrapped in a CompletionException). */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    private CompletableFuture<LoadLogin> login(String serial, Map<String, String> existing) {
        String id = existing.get(serial);
        if (id != null)
            return send("POST", "/api/v1/robots/" + id + "/credentials", null).thenApply(r -> {
                JsonObject mqtt = expect(r, 200).getJsonObject("mqtt");
                return new LoadLogin(MANUFACTURER, serial, mqtt.getString("username"), mqtt.getString("password"));
            });
        JsonObject body = new JsonObject().put("manufacturer", MANUFACTURER).put("serialNumber", serial).put("firm", FIRM)
                .put("profile", PROFILE).put("site", LoadHall.SITE);
        return send("POST", "/api/v1/robots", body).thenApply(r -> {
            JsonObject mqtt = expect(r, 201).getJsonObject("robot").getJsonObject("mqtt");
            return new LoadLogin(MANUFACTURER, serial, mqtt.getString("username"), mqtt.getString("password"));
        });
    }

    /** The firm's robots at the hall, by serial number. */
    private Map<String, String> existingRobots() {
        JsonObject answer = expect(call("GET", "/api/v1/robots?site=" + LoadHall.SITE + "&firm=" + FIRM, null), 200);
        Map<String, String> bySerial = new HashMap<>();
        for (Object o : answer.getJsonArray("robots", new JsonArray())) {
            JsonObject r = (JsonObject) o;
            bySerial.put(r.getString("serialNumber"), r.getString("id"));
        }
        return bySerial;
    }

    private HttpResponse<String> call(String method, String path, JsonObject body) {
        return joined(send(method, path, body));
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String path, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + operatorToken);
        if (body == null) request.method(method, HttpRequest.BodyPublishers.noBody());
        else request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).exceptionallyCompose(e ->
                CompletableFuture.failedFuture(new IllegalStateException(method + " " + base.resolve(path) + ": "
                        + (e.getCause() instanceof IOException io ? io.toString() : e.toString()), e)));
    }

    private static JsonObject expect(HttpResponse<String> response, int... statuses) {
        for (int s : statuses) {
            if (response.statusCode() == s)
                return response.body() == null || response.body().isBlank() ? new JsonObject()
                        : new JsonObject(response.body());
        }
        throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }
}
