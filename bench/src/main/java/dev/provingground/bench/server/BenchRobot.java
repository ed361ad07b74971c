package dev.provingground.bench.server;

import dev.provingground.vda5050.Connection;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.VdaMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One benchmark robot: a plain MQTT client that logs in like a VDA 5050 vehicle and then, phase by phase, either
 * drives into the keep-out zone and times the server's {@code startPause}, or times PINGREQ→PINGRESP on the same
 * connection. Everything it does runs on its own Vert.x context, one step at a time, so it needs no locks.
 */
final class BenchRobot {

    /** Longer than any plausible answer; a robot that waited this long stops measuring for the rest of the run. */
    static final long ANSWER_TIMEOUT_MILLIS = 5_000;

    private final Vertx vertx;
    private final Context context;
    private final Vda5050Codec codec;
    private final BenchServer.RobotLogin login;
    private final HeaderCounter headers;
    private final StateTemplate outside;
    private final StateTemplate inside;
    private final BenchPacing pacing;
    private final Random random;
    private final AtomicInteger unexpected;
    private final String stateTopic;
    private final String instantActionsTopic;
    private MqttClient client;

    // Touched only on the robot's context.
    private LatencyPhase phase;
    private int slot = -1;
    private long sentAtNanos;
    private long timeoutTimer = -1;
    private boolean gaveUp;
    private long reportTimer = -1;

    /**
     * @param unexpected counts server messages no measurement was waiting for (shared by all robots)
     */
    BenchRobot(Vertx vertx, Vda5050Codec codec, BenchServer.RobotLogin login, BenchPacing pacing, long seed,
               AtomicInteger unexpected) {
        this.vertx = vertx;
        // Asked from outside any context, Vert.x hands out event loops in turn: the robots spread over all of them.
        this.context = vertx.getOrCreateContext();
        this.codec = codec;
        this.login = login;
        this.headers = new HeaderCounter(login.manufacturer(), login.serialNumber());
        this.outside = new StateTemplate(codec, login.manufacturer(), login.serialNumber(), BenchServer.LEVEL,
                BenchServer.outsideX(), BenchServer.laneY(login.index()));
        this.inside = new StateTemplate(codec, login.manufacturer(), login.serialNumber(), BenchServer.LEVEL,
                BenchServer.insideX(), BenchServer.laneY(login.index()));
        this.pacing = pacing;
        this.random = new Random(seed);
        this.unexpected = unexpected;
        this.stateTopic = topic(Topic.STATE);
        this.instantActionsTopic = topic(Topic.INSTANT_ACTIONS);
    }

    /** Connects (with the usual last will), subscribes to its instantActions, says ONLINE, reports itself outside. */
    Future<Void> connect(int port) {
        Promise<Void> connected = Promise.promise();
        context.runOnContext(v -> {
            try {
                startConnecting(port, connected);
            } catch (RuntimeException e) {
                connected.fail(e);
            }
        });
        return connected.future().recover(e -> Future.failedFuture(new IllegalStateException(
                "robot " + login.username() + " could not connect on port " + port + ": " + e.getMessage(), e)));
    }

    private void startConnecting(int port, Promise<Void> connected) {
        Connection will = Connection.create(ConnectionState.CONNECTIONBROKEN).withHeader(headers.next(Topic.CONNECTION));
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(login.manufacturer() + "-" + login.serialNumber())
                .setUsername(login.username())
                .setPassword(login.password())
                .setCleanSession(true)
                // No automatic keep-alive, so the only PINGREQs on the wire are the measured ones; the robots
                // talk far more often than the server's idle limit (1.5 x 60 s) for as long as the run lasts.
                .setAutoKeepAlive(false)
                .setKeepAliveInterval(60)
                .setMaxMessageSize(256 * 1024)
                .setWillFlag(true)
                .setWillTopic(topic(Topic.CONNECTION))
                .setWillMessageBytes(Buffer.buffer(codec.encode(will)))
                .setWillQoS(1);
        client = MqttClient.create(vertx, options);
        client.publishHandler(this::onMessage);
        client.pingResponseHandler(x -> onPingResponse());
        client.connect(port, "127.0.0.1")
                .compose(ack -> client.subscribe(instantActionsTopic, 0))
                .compose(id -> publish(Connection.create(ConnectionState.ONLINE), MqttQoS.AT_LEAST_ONCE))
                .compose(x -> publishState(outside))
                .onComplete(connected);
    }

    /** Takes part in {@code next} until its slots are taken, starting after a random share of the pause. */
    void join(LatencyPhase next) {
        context.runOnContext(v -> {
            phase = next;
            if (gaveUp) {
                phase.robotStopped();
                return;
            }
            // Staggered, so the robots do not all fire at the same instant when a phase begins.
            vertx.setTimer(pacing.initialDelayMillis(random), id -> measureNext());
        });
    }

    private void measureNext() {
        slot = phase.claim();
        if (slot < 0) {
            phase.robotStopped();
            return;
        }
        timeoutTimer = vertx.setTimer(ANSWER_TIMEOUT_MILLIS, id -> onTimeout());
        if (phase.kind() == LatencyPhase.Kind.ENFORCEMENT) {
            Buffer offending = inside.render(headers.next(Topic.STATE));
            sentAtNanos = System.nanoTime();
            client.publish(stateTopic, offending, MqttQoS.AT_MOST_ONCE, false, false);
        } else {
            sentAtNanos = System.nanoTime();
            client.ping();
        }
    }

    private void onMessage(MqttPublishMessage message) {
        long receivedAtNanos = System.nanoTime();
        if (slot < 0 || phase.kind() != LatencyPhase.Kind.ENFORCEMENT
                || !message.topicName().equals(instantActionsTopic) || !isStartPause(message.payload().getBytes())) {
            unexpected.incrementAndGet();
            return;
        }
        answered(receivedAtNanos);
        // Back out of the zone, which ends the violation, so the next entry is a new one.
        publishState(outside);
        pauseThenMeasure();
    }

    private void onPingResponse() {
        long receivedAtNanos = System.nanoTime();
        if (slot < 0 || phase.kind() != LatencyPhase.Kind.ROUND_TRIP) {
            unexpected.incrementAndGet();
            return;
        }
        answered(receivedAtNanos);
        pauseThenMeasure();
    }

    private void answered(long receivedAtNanos) {
        vertx.cancelTimer(timeoutTimer);
        phase.record(slot, receivedAtNanos - sentAtNanos);
        slot = -1;
    }

    private void pauseThenMeasure() {
        vertx.setTimer(pacing.pauseMillis(random), id -> measureNext());
    }

    /**
     * No answer: the slot stays unanswered and this robot stops measuring, for good — an answer that turned up later
     * could not be told from the answer to a later request.
     */
    private void onTimeout() {
        slot = -1;
        gaveUp = true;
        if (phase.kind() == LatencyPhase.Kind.ENFORCEMENT) publishState(outside);
        phase.robotStopped();
    }

    private boolean isStartPause(byte[] payload) {
        try {
            InstantActions actions = codec.decode(InstantActions.class, payload);
            return actions.actions().size() == 1 && "startPause".equals(actions.actions().get(0).actionType());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Reports itself standing outside the zone every {@code periodMillis}, the first time after {@code offsetMillis},
     * until {@link #disconnect}: an idle robot at its reporting rate.
     */
    void reportEvery(long periodMillis, long offsetMillis) {
        context.runOnContext(v -> vertx.setTimer(Math.max(1, offsetMillis), first -> {
            publishState(outside);
            reportTimer = vertx.setPeriodic(periodMillis, id -> {
                if (client != null && client.isConnected()) publishState(outside);
            });
        }));
    }

    /** A clean goodbye, as a robot leaving service says it: OFFLINE, then DISCONNECT. */
    Future<Void> disconnect() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            if (reportTimer >= 0) vertx.cancelTimer(reportTimer);
            reportTimer = -1;
            if (client == null || !client.isConnected()) {
                done.complete();
                return;
            }
            publish(Connection.create(ConnectionState.OFFLINE), MqttQoS.AT_LEAST_ONCE)
                    .compose(x -> client.disconnect())
                    .onComplete(done);
        });
        return done.future();
    }

    private Future<Void> publishState(StateTemplate where) {
        return client.publish(stateTopic, where.render(headers.next(Topic.STATE)), MqttQoS.AT_MOST_ONCE, false, false)
                .mapEmpty();
    }

    private Future<Void> publish(VdaMessage message, MqttQoS qos) {
        VdaMessage stamped = message.withHeader(headers.next(message.topic()));
        return client.publish(topic(message.topic()), Buffer.buffer(codec.encode(stamped)), qos, false, false).mapEmpty();
    }

    private String topic(Topic t) {
        return TopicAddress.of(login.manufacturer(), login.serialNumber(), t).toString();
    }
}
