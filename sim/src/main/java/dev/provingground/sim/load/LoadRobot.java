package dev.provingground.sim.load;

import dev.provingground.vda5050.Connection;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Topic;
import dev.provingground.vda5050.TopicAddress;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.VdaMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

import java.time.Clock;

/**
 * One generated robot: a real MQTT connection that logs in like a VDA 5050 vehicle (last will CONNECTIONBROKEN,
 * ONLINE, subscribed to its instantActions), then drives its shuttle and publishes state and visualization when
 * due. Everything it does runs on its {@link LoadLoop}'s event loop, so it needs no locks.
 */
final class LoadRobot {

    private final LoadLogin login;
    private final VdaFrames frames;
    private final LoadHall.Shuttle shuttle;
    private final double phaseSeconds;
    private final LoadTally tally;
    private final Vda5050Codec codec;
    private final Clock clock;
    private final HeaderCounter headers;
    private final String stateTopic;
    private final String visualizationTopic;
    private final String instantActionsTopic;
    private final long statePeriodNanos;
    private final long visualizationPeriodNanos;
    private MqttClient client;
    private boolean stopping;

    // The robot's own sequence numbers on the wire; the connection topic's come from headers.
    private long stateHeaderId;
    private long visualizationHeaderId;
    private long nextStateNanos;
    private long nextVisualizationNanos;
    private boolean inside;
    /** When the message that took the robot into the zone went out; -1 when no entry awaits its startPause. */
    private long entrySentNanos = -1;

    LoadRobot(LoadLogin login, VdaFrames frames, LoadHall.Shuttle shuttle, double phaseSeconds, LoadSettings settings,
              LoadTally tally, Vda5050Codec codec, Clock clock) {
        this.login = login;
        this.frames = frames;
        this.shuttle = shuttle;
        this.phaseSeconds = phaseSeconds;
        this.tally = tally;
        this.codec = codec;
        this.clock = clock;
        this.headers = new HeaderCounter(login.manufacturer(), login.serialNumber(), clock);
        this.stateTopic = topic(Topic.STATE);
        this.visualizationTopic = topic(Topic.VISUALIZATION);
        this.instantActionsTopic = topic(Topic.INSTANT_ACTIONS);
        this.statePeriodNanos = (long) (1e9 / settings.stateHz());
        this.visualizationPeriodNanos = settings.visualizationHz() == 0 ? -1 : (long) (1e9 / settings.visualizationHz());
    }

    /** Connects and says ONLINE; call on the robot's event loop. */
    Future<Void> connect(Vertx vertx, String host, int port) {
        Connection will = Connection.create(ConnectionState.CONNECTIONBROKEN).withHeader(headers.next(Topic.CONNECTION));
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(login.manufacturer() + "-" + login.serialNumber())
                .setCleanSession(true)
                // Robots talk several times a second; a ping a minute is only for an idle link.
                .setKeepAliveInterval(60)
                .setMaxMessageSize(256 * 1024)
                .setWillFlag(true)
                .setWillTopic(topic(Topic.CONNECTION))
                .setWillMessageBytes(Buffer.buffer(codec.encode(will)))
                .setWillQoS(1);
        if (login.username() != null) options.setUsername(login.username());
        if (login.password() != null) options.setPassword(login.password());
        client = MqttClient.create(vertx, options);
        client.publishHandler(this::onMessage);
        client.closeHandler(v -> {
            if (!stopping) tally.connectionsLost.increment();
        });
        return client.connect(port, host)
                .compose(ack -> client.subscribe(instantActionsTopic, 0))
                .compose(id -> publish(Connection.create(ConnectionState.ONLINE)))
                .recover(e -> {
                    MqttClient failed = client;
                    client = null;
                    return (failed.isConnected() ? failed.disconnect() : Future.<Void>succeededFuture())
                            .transform(x -> Future.failedFuture(new IllegalStateException("robot " + login.serialNumber()
                                    + " could not connect to " + host + ":" + port + ": " + e.getMessage(), e)));
                });
    }

    /** From {@code startNanos} on, the first state falls due a random share of a period in (spread by the phase). */
    void beginAt(long startNanos) {
        nextStateNanos = startNanos + (long) (fraction(phaseSeconds) * statePeriodNanos);
        nextVisualizationNanos = visualizationPeriodNanos < 0 ? Long.MAX_VALUE
                : startNanos + (long) (fraction(phaseSeconds * 1.618) * visualizationPeriodNanos);
    }

    /** Publishes what has fallen due by {@code nowNanos}; {@code epochNanos} is where every robot's drive began. */
    void tick(long nowNanos, long epochNanos) {
        if (client == null || !client.isConnected()) return;
        if (nowNanos >= nextStateNanos) {
            double seconds = (nowNanos - epochNanos) / 1e9 + phaseSeconds;
            double x = shuttle.x(seconds);
            noteWhere(x, nowNanos);
            client.publish(stateTopic, frames.state(stateHeaderId++, clock.instant(), x, shuttle.vx(seconds) > 0),
                    MqttQoS.AT_MOST_ONCE, false, false);
            tally.statesSent.increment();
            long behind = (nowNanos - nextStateNanos) / statePeriodNanos;
            if (behind > 0) tally.statesSkipped.add(behind);
            nextStateNanos += (behind + 1) * statePeriodNanos;
        }
        if (nowNanos >= nextVisualizationNanos) {
            double seconds = (nowNanos - epochNanos) / 1e9 + phaseSeconds;
            double x = shuttle.x(seconds);
            noteWhere(x, nowNanos);
            client.publish(visualizationTopic, frames.visualization(visualizationHeaderId++, clock.instant(), x,
                    shuttle.vx(seconds) > 0), MqttQoS.AT_MOST_ONCE, false, false);
            tally.visualizationsSent.increment();
            long behind = (nowNanos - nextVisualizationNanos) / visualizationPeriodNanos;
            nextVisualizationNanos += (behind + 1) * visualizationPeriodNanos;
        }
    }

    /** An entry into the zone starts a clock that the robot's next startPause stops. */
    private void noteWhere(double x, long sentNanos) {
        boolean nowInside = LoadHall.inZone(VdaFrames.onTheWire(x));
        if (nowInside && !inside) {
            if (entrySentNanos >= 0) tally.unansweredEntries.increment();
            entrySentNanos = sentNanos;
            tally.zoneEntries.increment();
        }
        inside = nowInside;
    }

    private void onMessage(MqttPublishMessage message) {
        long receivedNanos = System.nanoTime();
        if (entrySentNanos < 0 || !message.topicName().equals(instantActionsTopic)
                || !isStartPause(message.payload().getBytes())) {
            tally.unexpectedMessages.increment();
            return;
        }
        tally.enforcement.add(receivedNanos - entrySentNanos);
        tally.pauses.increment();
        entrySentNanos = -1;
    }

    private boolean isStartPause(byte[] payload) {
        try {
            InstantActions actions = codec.decode(InstantActions.class, payload);
            return actions.actions().stream().anyMatch(a -> "startPause".equals(a.actionType()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A clean goodbye, as a robot leaving service says it: OFFLINE, then DISCONNECT. */
    Future<Void> disconnect() {
        stopping = true;
        if (client == null || !client.isConnected()) return Future.succeededFuture();
        return publish(Connection.create(ConnectionState.OFFLINE)).compose(x -> client.disconnect());
    }

    private Future<Void> publish(VdaMessage message) {
        VdaMessage stamped = message.withHeader(headers.next(message.topic()));
        return client.publish(topic(message.topic()), Buffer.buffer(codec.encode(stamped)), MqttQoS.AT_LEAST_ONCE,
                false, false).mapEmpty();
    }

    private String topic(Topic t) {
        return TopicAddress.of(login.manufacturer(), login.serialNumber(), t).toString();
    }

    private static double fraction(double value) {
        return value - Math.floor(value);
    }
}
