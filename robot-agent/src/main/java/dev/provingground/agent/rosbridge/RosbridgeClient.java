package dev.provingground.agent.rosbridge;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Our own rosbridge v2 client (docs/reference/rosbridge/ROSBRIDGE_PROTOCOL.md) on the Vert.x WebSocket client.
 * Topics ({@code subscribe}/{@code unsubscribe}, {@code advertise}/{@code publish}), services ({@code call_service}
 * with id correlation and a timeout) and ROS 2 actions ({@code send_action_goal} with feedback and result,
 * {@code cancel_action_goal}). A dropped link is retried with a doubling back-off; once back, every subscription
 * and advertisement is made again, so callers register once. Fragmented messages are put back together.
 *
 * <p>Anything wrong that arrives — malformed JSON, unknown ops, bad fragments, {@code status} messages of level
 * warning or error — is logged with the robot's id and handed to the problem handler; it never closes the link.
 *
 * <p>Call it on its Vert.x context (the one that created it, or from handlers it calls); handlers run there too.
 */
public final class RosbridgeClient {

    private static final Logger LOG = Logger.getLogger(RosbridgeClient.class.getName());

    /** How the client connects and how patient it is. */
    public record Options(URI uri, Duration initialBackoff, Duration maxBackoff, Duration callTimeout,
                          int maxMessageBytes) {
        public Options {
            Objects.requireNonNull(uri, "uri");
            if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()))
                throw new IllegalArgumentException("rosbridge URI must be ws:// or wss://, got " + uri);
        }

        public static Options of(String uri) {
            return new Options(URI.create(uri), Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(10),
                    16 * 1024 * 1024);
        }
    }

    private record Subscription(String topic, String type, int throttleMillis, List<Consumer<JsonObject>> handlers) {
    }

    private record PendingCall(String service, Promise<JsonObject> promise, long timer) {
    }

    private record PendingGoal(String action, Promise<ActionResult> promise, Consumer<JsonObject> feedback) {
    }

    private final Vertx vertx;
    private final Options options;
    private final String robotId;
    private final WebSocketClient client;
    private final Backoff backoff;
    private final FragmentAssembler fragments = new FragmentAssembler(32, 100_000);
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, String> advertised = new LinkedHashMap<>();
    private final Map<String, PendingCall> calls = new LinkedHashMap<>();
    private final Map<String, PendingGoal> goals = new LinkedHashMap<>();
    private final List<Consumer<RosbridgeProblem>> problemHandlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> linkHandlers = new CopyOnWriteArrayList<>();
    private WebSocket socket;
    private long nextId;
    private boolean stopped;
    private long connects;
    private long problems;

    /** @param robotId who the agent speaks for; every log line and problem names it */
    public RosbridgeClient(Vertx vertx, Options options, String robotId) {
        this.vertx = vertx;
        this.options = options;
        this.robotId = robotId;
        this.backoff = new Backoff(options.initialBackoff(), options.maxBackoff());
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(options.maxMessageBytes())
                .setMaxFrameSize(Math.min(options.maxMessageBytes(), 1024 * 1024))
                .setConnectTimeout(5000));
    }

    // ---- link ------------------------------------------------------------------------------------------------

    /**
     * Connects, and keeps reconnecting whenever the link drops, until {@link #stop()}. The future completes on the
     * first successful connect; a rosbridge server not up yet is waited for (with back-off), not a failure.
     */
    public Future<Void> start() {
        Promise<Void> first = Promise.promise();
        attempt(first);
        return first.future();
    }

    private void attempt(Promise<Void> first) {
        if (stopped) return;
        URI uri = options.uri();
        int port = uri.getPort() > 0 ? uri.getPort() : ("wss".equals(uri.getScheme()) ? 443 : 80);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        WebSocketConnectOptions connect = new WebSocketConnectOptions()
                .setHost(uri.getHost()).setPort(port).setURI(path).setSsl("wss".equals(uri.getScheme()));
        client.connect(connect).onComplete(ar -> {
            if (ar.succeeded()) {
                opened(ar.result());
                if (first != null) first.tryComplete();
            } else {
                Duration delay = backoff.next();
                LOG.fine(() -> robotId + ": rosbridge " + uri + " not reachable (" + ar.cause().getMessage()
                        + "); next try in " + delay.toMillis() + " ms");
                if (!stopped) vertx.setTimer(delay.toMillis(), t -> attempt(first));
            }
        });
    }

    private void opened(WebSocket ws) {
        if (stopped) {
            ws.close();
            return;
        }
        socket = ws;
        connects++;
        backoff.reset();
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(b -> problem(RosbridgeProblem.Kind.UNSUPPORTED_ENCODING,
                "binary message of " + b.length() + " bytes (CBOR is never requested)", null));
        ws.exceptionHandler(e -> LOG.fine(() -> robotId + ": rosbridge link error: " + e));
        ws.closeHandler(v -> closed(ws));
        LOG.info(robotId + ": rosbridge link up to " + options.uri() + (connects > 1 ? " (reconnect " + (connects - 1) + ")" : ""));
        // A rosbridge server forgets a client's subscriptions and advertisements with its socket: make them again.
        advertised.forEach((topic, type) -> send(new JsonObject().put("op", "advertise").put("topic", topic).put("type", type)));
        subscriptions.values().forEach(this::sendSubscribe);
        linkHandlers.forEach(h -> h.accept(true));
    }

    private void closed(WebSocket ws) {
        if (socket != ws) return;
        socket = null;
        // Answers to what was asked on the old socket will never come: fail them now, so callers can act.
        List<PendingCall> lostCalls = new ArrayList<>(calls.values());
        calls.clear();
        lostCalls.forEach(c -> {
            vertx.cancelTimer(c.timer());
            c.promise().tryFail(new RosbridgeLinkLost("call_service " + c.service()));
        });
        List<PendingGoal> lostGoals = new ArrayList<>(goals.values());
        goals.clear();
        lostGoals.forEach(g -> g.promise().tryFail(new RosbridgeLinkLost("send_action_goal " + g.action())));
        if (stopped) return;
        Duration delay = backoff.next();
        LOG.warning(robotId + ": rosbridge link to " + options.uri() + " dropped; reconnecting in " + delay.toMillis() + " ms");
        linkHandlers.forEach(h -> h.accept(false));
        vertx.setTimer(delay.toMillis(), t -> attempt(null));
    }

    public boolean isConnected() {
        return socket != null;
    }

    /** Times the link was (re)opened. */
    public long connects() {
        return connects;
    }

    /** Bad messages received so far (each also went to the problem handlers). */
    public long problems() {
        return problems;
    }

    /** Called with true when the link comes up and false when it drops. */
    public void linkHandler(Consumer<Boolean> handler) {
        linkHandlers.add(handler);
    }

    public void problemHandler(Consumer<RosbridgeProblem> handler) {
        problemHandlers.add(handler);
    }

    public Future<Void> stop() {
        stopped = true;
        WebSocket ws = socket;
        socket = null;
        Future<Void> closing = ws == null ? Future.succeededFuture() : ws.close();
        return closing.transform(ar -> client.close());
    }

    // ---- topics ----------------------------------------------------------------------------------------------

    /**
     * Subscribes {@code handler} to {@code topic}. Several handlers of one topic share one rosbridge subscription.
     *
     * @param throttleMillis the least time rosbridge leaves between two messages of the topic (0: all of them)
     * @return what {@link #unsubscribe} takes to remove just this handler
     */
    public Consumer<JsonObject> subscribe(String topic, String type, int throttleMillis, Consumer<JsonObject> handler) {
        Subscription existing = subscriptions.get(topic);
        if (existing == null) {
            Subscription s = new Subscription(topic, type, throttleMillis, new CopyOnWriteArrayList<>(List.of(handler)));
            subscriptions.put(topic, s);
            sendSubscribe(s);
        } else {
            existing.handlers().add(handler);
        }
        return handler;
    }

    /** Removes one handler; the rosbridge subscription goes when its last handler does. */
    public void unsubscribe(String topic, Consumer<JsonObject> handler) {
        Subscription s = subscriptions.get(topic);
        if (s == null) return;
        s.handlers().remove(handler);
        if (s.handlers().isEmpty()) {
            subscriptions.remove(topic);
            send(new JsonObject().put("op", "unsubscribe").put("id", subscriptionId(topic)).put("topic", topic));
        }
    }

    private void sendSubscribe(Subscription s) {
        JsonObject msg = new JsonObject().put("op", "subscribe").put("id", subscriptionId(s.topic()))
                .put("topic", s.topic()).put("type", s.type());
        if (s.throttleMillis() > 0) msg.put("throttle_rate", s.throttleMillis());
        send(msg);
    }

    private static String subscriptionId(String topic) {
        return "subscribe:" + topic;
    }

    /** Announces that the agent publishes {@code topic}; made again after every reconnect. */
    public void advertise(String topic, String type) {
        if (type.equals(advertised.put(topic, type))) return;
        send(new JsonObject().put("op", "advertise").put("topic", topic).put("type", type));
    }

    public void unadvertise(String topic) {
        if (advertised.remove(topic) != null) send(new JsonObject().put("op", "unadvertise").put("topic", topic));
    }

    /** Publishes on an advertised topic; false when the link is down (the message is not kept). */
    public boolean publish(String topic, JsonObject msg) {
        return send(new JsonObject().put("op", "publish").put("topic", topic).put("msg", msg));
    }

    // ---- services --------------------------------------------------------------------------------------------

    /**
     * Calls a ROS service. Completes with the response's {@code values}; fails with {@link RosbridgeCallFailed} on
     * {@code result: false} or no answer within the call timeout, with {@link RosbridgeLinkLost} when the link drops.
     */
    public Future<JsonObject> callService(String service, String type, JsonObject args) {
        String id = newId("call_service");
        Promise<JsonObject> promise = Promise.promise();
        if (socket == null) {
            return Future.failedFuture(new RosbridgeLinkLost("call_service " + service));
        }
        long timer = vertx.setTimer(options.callTimeout().toMillis(), t -> {
            PendingCall late = calls.remove(id);
            if (late != null) late.promise().tryFail(new RosbridgeCallFailed("call_service " + service
                    + ": no answer within " + options.callTimeout().toMillis() + " ms"));
        });
        calls.put(id, new PendingCall(service, promise, timer));
        JsonObject msg = new JsonObject().put("op", "call_service").put("id", id).put("service", service)
                .put("args", args == null ? new JsonObject() : args);
        if (type != null) msg.put("type", type);
        send(msg);
        return promise.future();
    }

    // ---- actions ---------------------------------------------------------------------------------------------

    /** Sends a goal to a ROS 2 action server; {@code feedback} (may be null) gets each {@code action_feedback}. */
    public ActionGoal sendActionGoal(String action, String actionType, JsonObject args, Consumer<JsonObject> feedback) {
        String id = newId("send_action_goal");
        Promise<ActionResult> promise = Promise.promise();
        if (socket == null) {
            promise.fail(new RosbridgeLinkLost("send_action_goal " + action));
            return new ActionGoal(id, action, promise.future());
        }
        goals.put(id, new PendingGoal(action, promise, feedback));
        send(new JsonObject().put("op", "send_action_goal").put("id", id).put("action", action)
                .put("action_type", actionType).put("args", args == null ? new JsonObject() : args)
                .put("feedback", feedback != null));
        return new ActionGoal(id, action, promise.future());
    }

    /** Asks the action server to cancel a goal; its {@code action_result} (status CANCELED) follows. */
    public boolean cancelActionGoal(ActionGoal goal) {
        return send(new JsonObject().put("op", "cancel_action_goal").put("id", goal.id()).put("action", goal.action()));
    }

    // ---- receiving -------------------------------------------------------------------------------------------

    private void onText(String text) {
        JsonObject msg;
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(text);
            if (!(parsed instanceof JsonObject o)) {
                problem(RosbridgeProblem.Kind.MALFORMED_MESSAGE, "not a JSON object: " + RosbridgeProblem.excerpt(text), null);
                return;
            }
            msg = o;
        } catch (DecodeException e) {
            problem(RosbridgeProblem.Kind.MALFORMED_MESSAGE, "not JSON: " + RosbridgeProblem.excerpt(text), null);
            return;
        }
        try {
            dispatch(msg, text);
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            // A field of the wrong JSON type (an op that is a number, a topic that is an object …).
            problem(RosbridgeProblem.Kind.MALFORMED_MESSAGE, e.getClass().getSimpleName() + " in "
                    + RosbridgeProblem.excerpt(text), idOf(msg));
        }
    }

    private void dispatch(JsonObject msg, String text) {
        Object op = msg.getValue("op");
        if (!(op instanceof String name)) {
            problem(RosbridgeProblem.Kind.MALFORMED_MESSAGE, "no string op: " + RosbridgeProblem.excerpt(text), idOf(msg));
            return;
        }
        switch (name) {
            case "publish" -> onPublish(msg);
            case "service_response" -> onServiceResponse(msg);
            case "action_feedback" -> onActionFeedback(msg);
            case "action_result" -> onActionResult(msg);
            case "status" -> onStatus(msg);
            case "fragment" -> onFragment(msg);
            default -> problem(RosbridgeProblem.Kind.UNKNOWN_OP, "op \"" + name + "\": " + RosbridgeProblem.excerpt(text),
                    idOf(msg));
        }
    }

    private void onPublish(JsonObject msg) {
        String topic = msg.getString("topic");
        JsonObject body = msg.getJsonObject("msg");
        Subscription s = topic == null ? null : subscriptions.get(topic);
        if (s == null || body == null) return; // a late message of a topic just unsubscribed
        for (Consumer<JsonObject> h : s.handlers()) {
            try {
                h.accept(body);
            } catch (RuntimeException e) {
                problem(RosbridgeProblem.Kind.MALFORMED_MESSAGE, "message on " + topic + " not understood ("
                        + e.getMessage() + "): " + RosbridgeProblem.excerpt(body.encode()), idOf(msg));
            }
        }
    }

    private void onServiceResponse(JsonObject msg) {
        String id = idOf(msg);
        PendingCall call = id == null ? null : calls.remove(id);
        if (call == null) return; // answered after its timeout
        vertx.cancelTimer(call.timer());
        Object values = msg.getValue("values");
        if (Boolean.TRUE.equals(msg.getBoolean("result", Boolean.TRUE))) {
            call.promise().tryComplete(values instanceof JsonObject o ? o : new JsonObject());
        } else {
            call.promise().tryFail(new RosbridgeCallFailed("call_service " + call.service() + " failed: "
                    + (values == null ? "no reason given" : String.valueOf(values))));
        }
    }

    private void onActionFeedback(JsonObject msg) {
        PendingGoal goal = goals.get(idOf(msg));
        if (goal == null || goal.feedback() == null) return;
        Object values = msg.getValue("values");
        goal.feedback().accept(values instanceof JsonObject o ? o : new JsonObject());
    }

    private void onActionResult(JsonObject msg) {
        PendingGoal goal = goals.remove(idOf(msg));
        if (goal == null) return;
        Object values = msg.getValue("values");
        JsonObject result = values instanceof JsonObject o ? o
                : new JsonObject().put("error", values == null ? "no result given" : String.valueOf(values));
        int status = msg.getValue("status") instanceof Number n ? n.intValue() : ActionResult.STATUS_UNKNOWN;
        goal.promise().tryComplete(new ActionResult(status, Boolean.TRUE.equals(msg.getBoolean("result", false)), result));
    }

    private void onStatus(JsonObject msg) {
        String level = String.valueOf(msg.getValue("level"));
        String text = String.valueOf(msg.getValue("msg"));
        switch (level) {
            case "error" -> problem(RosbridgeProblem.Kind.STATUS_ERROR, text, idOf(msg));
            case "warning" -> problem(RosbridgeProblem.Kind.STATUS_WARNING, text, idOf(msg));
            default -> LOG.fine(() -> robotId + ": rosbridge status " + level + ": " + text);
        }
    }

    private void onFragment(JsonObject msg) {
        String whole;
        try {
            Object num = msg.getValue("num");
            Object total = msg.getValue("total");
            if (!(num instanceof Number n) || !(total instanceof Number t))
                throw new IllegalArgumentException("fragment without numeric num and total");
            whole = fragments.accept(idOf(msg), msg.getString("data"), n.intValue(), t.intValue()).orElse(null);
        } catch (IllegalArgumentException | ClassCastException e) {
            problem(RosbridgeProblem.Kind.BAD_FRAGMENT, e.getMessage(), idOf(msg));
            return;
        }
        if (whole != null) onText(whole);
    }

    private static String idOf(JsonObject msg) {
        Object id = msg.getValue("id");
        return id == null ? null : String.valueOf(id);
    }

    private void problem(RosbridgeProblem.Kind kind, String detail, String id) {
        problems++;
        RosbridgeProblem p = new RosbridgeProblem(kind, detail, id);
        LOG.warning(robotId + ": rosbridge " + kind + (id == null ? "" : " (id " + id + ")") + ": " + detail);
        for (Consumer<RosbridgeProblem> h : problemHandlers) {
            try {
                h.accept(p);
            } catch (RuntimeException e) {
                LOG.warning(robotId + ": problem handler failed: " + e);
            }
        }
        if (kind == RosbridgeProblem.Kind.STATUS_ERROR && id != null) failWaiting(id, detail);
    }

    /**
     * A status error naming a call or goal is the only answer it will get (rosbridge reports e.g. an unknown
     * service that way): fail it now rather than at its timeout. A goal's {@code action_result} may still follow.
     */
    private void failWaiting(String id, String detail) {
        PendingCall call = calls.remove(id);
        if (call != null) {
            vertx.cancelTimer(call.timer());
            call.promise().tryFail(new RosbridgeCallFailed("call_service " + call.service() + ": " + detail));
        }
    }

    // ---- sending ---------------------------------------------------------------------------------------------

    private boolean send(JsonObject msg) {
        WebSocket ws = socket;
        if (ws == null) return false;
        ws.writeTextMessage(msg.encode());
        return true;
    }

    private String newId(String op) {
        return op + ":" + (++nextId);
    }
}
