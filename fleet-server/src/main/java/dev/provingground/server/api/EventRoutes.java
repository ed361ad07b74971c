package dev.provingground.server.api;

import dev.provingground.server.auth.Principal;
import dev.provingground.server.events.RecordedEvents;
import dev.provingground.server.live.LiveFeed;
import dev.provingground.trackrecord.event.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import io.vertx.core.buffer.Buffer;
import dev.provingground.trackrecord.TrackRecordStore;

/**
 * {@code GET /api/v1/events} (the track record's events, filtered, in time order) and the {@code /api/v1/live}
 * WebSocket. What was recorded before the request is in its answer: the record is flushed first.
 */
final class EventRoutes {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    private final TrackRecordStore trackRecord;
    private final RecordedEvents recorded;
    private final LiveFeed live;

    EventRoutes(TrackRecordStore trackRecord, LiveFeed live) {
        this.trackRecord = trackRecord;
        this.recorded = new RecordedEvents(trackRecord);
        this.live = live;
    }

    /** The WebSocket route goes before the body handler: an upgrade has no body to read. */
    void mountLive(Router router, BearerAuth auth) {
        router.get("/api/v1/live").handler(auth).handler(this::upgrade);
    }

    void mount(Router router) {
        router.get("/api/v1/events").handler(this::list);
    }

    private void upgrade(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        // Checked here so a plain GET gets the API's JSON error, not Vert.x's plain-text refusal.
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade")))
            throw new ApiError(400, "not_websocket",
                    "/api/v1/live is a WebSocket: connect with Connection: Upgrade and Upgrade: websocket");
        ctx.request().toWebSocket().onSuccess(ws -> live.attach(ws, p)).onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Principal p = BearerAuth.principal(ctx);
        String type = ctx.queryParams().get("type");
        if (type != null) {
            try {
                EventType.byName(type);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("type", e.getMessage());
            }
        }
        Instant since = null;
        String sinceText = ctx.queryParams().get("since");
        if (sinceText != null) {
            try {
                since = Instant.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("since", "must be an ISO 8601 UTC time like 2026-11-22T09:00:00Z, got \""
                        + sinceText + "\"");
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = ctx.queryParams().get("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT)
                throw ApiError.badRequest("limit", "must be 1.." + MAX_LIMIT + ", got " + limitText);
        }
        var query = new RecordedEvents.Query(type, ctx.queryParams().get("robot"), since, p::mayActFor, limit);
        ctx.vertx().executeBlocking(() -> {
            trackRecord.flush().get();
            return recorded.query(query);
        }, false).onSuccess(page -> {
            JsonArray out = new JsonArray();
            for (byte[] json : page.events()) out.add(new JsonObject(Buffer.buffer(json)));
            ctx.json(new JsonObject().put("events", out).put("truncated", page.truncated()));
        }).onFailure(ctx::fail);
    }
}
