package dev.provingground.server.api;

import dev.provingground.server.time.Scheduler;
import java.time.Duration;

import dev.provingground.server.auth.Principal;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotListener;
import dev.provingground.server.registry.RobotPosition;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.registry.RobotStatus;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.Velocity;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * {@code /api/v1/live/robots}: the robots a token may see, as the API's robot JSON, pushed to a browser as they
 * change. The track-record feed ({@code /api/v1/live}) carries positions only in 30 s batches, too late for a map;
 * this feed coalesces each robot's reports and sends at most one update per robot per {@link #PERIOD_MILLIS}, only
 * for the site and level the client asked for, so a busy level costs a browser a bounded number of messages.
 *
 * <p>Messages are {@code {"robots": [Robot, ...]}}; the first ones, the snapshot, hold every visible robot (of the
 * level), later ones only those that changed. A robot that leaves the level is sent once more (its position names the
 * new level) so the client can take it off the map. A message carries at most {@link #MAX_ROBOTS_PER_MESSAGE}
 * robots: a browser parses and applies each message in one task, which then stays short however many robots
 * changed (bench console: a level of a thousand robots); a snapshot of more comes as several messages, only the first
 * marked {@code "snapshot": true}.
 */
final class LiveRobots implements RobotListener {

    private static final Logger LOG = Logger.getLogger(LiveRobots.class.getName());
    static final long PERIOD_MILLIS = 250;
    static final int MAX_ROBOTS_PER_MESSAGE = 50;

    private record Client(Principal principal, String site, String level, Set<String> shown) {

        boolean mayShow(Robot r) {
            return principal.mayActFor(r.firm()) && (site == null || site.equals(r.site()));
        }

        boolean onLevel(RobotStatus s) {
            return level == null || (s != null && s.position() != null && level.equals(s.position().mapId()));
        }
    }

    private record Change(Robot robot, RobotStatus status) {
    }

    private final RobotRegistry registry;
    private final Map<ServerWebSocket, Client> clients = new ConcurrentHashMap<>();
    // Registry listeners run on the server's context and the flush on a timer's: the latest change per robot is
    // handed over in a concurrent map, as immutable records, so neither side reads the other's state.
    private final Map<String, Change> pending = new ConcurrentHashMap<>();
    private Long timer;

    LiveRobots(RobotRegistry registry) {
        this.registry = registry;
    }

    void mount(Router router, BearerAuth auth) {
        router.get("/api/v1/live/robots").handler(auth).handler(this::upgrade);
    }

    void start(Scheduler scheduler) {
        registry.addListener(this);
        timer = scheduler.periodic(Duration.ofMillis(PERIOD_MILLIS), this::flush);
    }

    void stop(Scheduler scheduler) {
        if (timer != null) scheduler.cancel(timer);
        clients.keySet().forEach(ServerWebSocket::close);
    }

    private void upgrade(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        String site = ctx.queryParams().get("site");
        String level = ctx.queryParams().get("level");
        if (level != null && site == null)
            throw ApiError.badRequest("level", "needs site: a level id names a level only within its site");
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade")))
            throw new ApiError(400, "not_websocket",
                    "/api/v1/live/robots is a WebSocket: connect with Connection: Upgrade and Upgrade: websocket");
        Client client = new Client(p, site, level, ConcurrentHashMap.newKeySet());
        ctx.request().toWebSocket().onSuccess(ws -> attach(ws, client)).onFailure(ctx::fail);
    }

    private void attach(ServerWebSocket ws, Client client) {
        ws.setWriteQueueMaxSize(1024 * 1024);
        ws.exceptionHandler(e -> LOG.fine(() -> "live robots client: " + e));
        ws.textMessageHandler(text -> { }); // one-way; a client changes level by connecting again
        ws.closeHandler(v -> clients.remove(ws));
        JsonArray robots = new JsonArray();
        for (Robot r : registry.all()) {
            if (!client.mayShow(r)) continue;
            RobotStatus s = registry.status(r.id());
            if (!client.onLevel(s)) continue;
            client.shown().add(r.id());
            robots.add(RobotJson.of(r, s));
        }
        clients.put(ws, client);
        messages(robots, true).forEach(ws::writeTextMessage);
    }

    /**
     * {@code robots} as messages of at most {@link #MAX_ROBOTS_PER_MESSAGE} robots each, in order; a snapshot marks its
     * first message (one even when there is no robot, so the client learns the level is empty).
     */
    static List<String> messages(JsonArray robots, boolean snapshot) {
        List<String> out = new ArrayList<>();
        for (int from = 0; from == 0 || from < robots.size(); from += MAX_ROBOTS_PER_MESSAGE) {
            JsonArray part = new JsonArray(robots.getList().subList(from, Math.min(robots.size(), from + MAX_ROBOTS_PER_MESSAGE)));
            JsonObject message = new JsonObject().put("robots", part);
            if (snapshot && from == 0) message.put("snapshot", true);
            out.add(message.encode());
        }
        return out;
    }

    @Override
    public void connectionChanged(Robot robot, ConnectionState from, ConnectionState to, Instant at) {
        changed(robot);
    }

    @Override
    public void positionReported(Robot robot, AgvPosition position, Velocity velocity, RobotPosition previous,
                                 Instant at) {
        changed(robot);
    }

    @Override
    public void stateReceived(Robot robot, State state, RobotPosition previous, Instant at) {
        changed(robot);
    }

    private void changed(Robot robot) {
        if (clients.isEmpty()) return;
        pending.put(robot.id(), new Change(robot, registry.status(robot.id())));
    }

    /** Sends each client the robots that changed since the last flush and that it may see on its level. */
    void flush() {
        if (pending.isEmpty()) return;
        List<Change> changes = List.copyOf(pending.values());
        changes.forEach(c -> pending.remove(c.robot().id(), c));
        clients.forEach((ws, client) -> {
            JsonArray out = new JsonArray();
            for (Change c : changes) {
                if (!client.mayShow(c.robot())) continue;
                if (client.onLevel(c.status())) client.shown().add(c.robot().id());
                else if (!client.shown().remove(c.robot().id())) continue;
                out.add(RobotJson.of(c.robot(), c.status()));
            }
            if (out.isEmpty() || ws.writeQueueFull()) return; // a slow browser skips a beat rather than piling up
            messages(out, false).forEach(ws::writeTextMessage);
        });
    }
}
