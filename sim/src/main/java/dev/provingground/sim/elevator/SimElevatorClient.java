package dev.provingground.sim.elevator;

import dev.provingground.sim.link.MqttTarget;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftState;
import dev.provingground.site.lift.LiftTopic;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A simulated elevator controller on MQTT: subscribes to {@code lifts/{site}/{lift_name}/request}, obeys what it
 * reads, runs the car on a timer and publishes its {@link LiftState} on {@code lifts/{site}/{lift_name}/state} once a
 * second and at once when something changes. States are retained so that a server connecting later sees every car
 * at once; the last will is a retained state in OFFLINE mode, so a controller that vanishes reads as out of service.
 *
 * <p>The car is touched from the timer, the MQTT handler and tests; every access goes through one lock.
 */
public final class SimElevatorClient {

    private static final Logger LOG = Logger.getLogger(SimElevatorClient.class.getName());
    private static final Duration STATE_PERIOD = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final SimElevatorCar car;
    private final String site;
    private final LiftCodec codec;
    private final Clock clock;
    private final long tickMs;
    private static final long RECONNECT_MILLIS = 500;
    private MqttClient client;
    private MqttTarget target;
    private volatile boolean stopping;
    private long timerId = -1;
    private Instant lastTick;
    private Instant lastPublish = Instant.MIN;

    /**
     * @param clock  the car's time: it moves by what passes on this clock (a clock that runs faster than the wall
     *               clock runs the car faster) and stamps its states with it
     * @param tickMs how often the car is advanced, in wall-clock milliseconds
     */
    public SimElevatorClient(Vertx vertx, SimElevatorCar car, String site, LiftCodec codec, Clock clock, long tickMs) {
        this.vertx = vertx;
        this.car = car;
        this.site = site;
        this.codec = codec;
        this.clock = clock;
        this.tickMs = tickMs;
        // Fails fast on a site or lift name that cannot be a topic level.
        LiftTopic.state(site, car.liftName());
    }

    /** Connects without a login, as to a broker that lets anyone in (the Mosquitto tests). */
    public Future<Void> connect(String host, int port) {
        return connect(host, port, null, null);
    }

    /**
     * Connects with the controller login the server issued for this car ({@code lift:{site}:{car}}), which the
     * embedded endpoint requires; a broker may take or ignore it.
     */
    public Future<Void> connect(String host, int port, String username, String password) {
        return connect(MqttTarget.plain(host, port), username, password);
    }

    /** Like {@link #connect(String, int, String, String)}, to {@code target}: plain MQTT or over TLS. */
    public Future<Void> connect(MqttTarget target, String username, String password) {
        LiftState will = offlineState();
        MqttClientOptions options = new MqttClientOptions()
                .setClientId("lift-" + site + "-" + car.liftName())
                .setCleanSession(true)
                .setKeepAliveInterval(10)
                .setAutoKeepAlive(true)
                .setWillFlag(true)
                .setWillTopic(LiftTopic.state(site, car.liftName()).toString())
                .setWillMessageBytes(Buffer.buffer(codec.encode(will)))
                .setWillQoS(1)
                .setWillRetain(true);
        if (username != null) options.setUsername(username).setPassword(password);
        client = MqttClient.create(vertx, target.applyTo(options));
        client.publishHandler(this::onMessage);
        this.target = target;
        stopping = false;
        // The car runs on whether or not the server hears it; a lost link is dialled again until it holds.
        client.closeHandler(v -> {
            if (!stopping) vertx.setTimer(RECONNECT_MILLIS, t -> reconnect());
        });
        return session().onSuccess(v -> {
            lastTick = clock.instant();
            timerId = vertx.setPeriodic(tickMs, t -> tick());
        });
    }

    private Future<Void> session() {
        return client.connect(target.port(), target.host())
                .compose(ack -> client.subscribe(LiftTopic.request(site, car.liftName()).toString(), 1))
                .compose(id -> publishState());
    }

    private void reconnect() {
        if (stopping || client.isConnected()) return;
        session().onFailure(e -> {
            if (!stopping) vertx.setTimer(RECONNECT_MILLIS, t -> reconnect());
        });
    }

    private void onMessage(MqttPublishMessage msg) {
        try {
            LiftRequest request = codec.decodeRequest(msg.payload().getBytes());
            var ignored = withCar(c -> c.request(request));
            ignored.ifPresent(why -> LOG.fine(car.liftName() + ": ignored " + request.requestType() + " from "
                    + request.sessionId() + ": " + why));
            publishIfChanged();
        } catch (RuntimeException e) {
            LOG.warning(car.liftName() + ": ignored message on " + msg.topicName() + ": " + e.getMessage());
        }
    }

    private void tick() {
        Instant now = clock.instant();
        // A wall clock set back (NTP) must not run the car backwards.
        double dt = Math.max(0, Duration.between(lastTick, now).toNanos() / 1e9);
        lastTick = now;
        withCar(c -> {
            c.advance(dt);
            return null;
        });
        if (!now.isBefore(lastPublish.plus(STATE_PERIOD))) publishState();
        else publishIfChanged();
    }

    private void publishIfChanged() {
        if (withCar(SimElevatorCar::takeChanged)) publishState();
    }

    public Future<Void> publishState() {
        if (client == null || !client.isConnected()) return Future.succeededFuture();
        lastPublish = clock.instant();
        LiftState state = withCar(c -> c.state(lastPublish));
        return client.publish(LiftTopic.state(site, car.liftName()).toString(), Buffer.buffer(codec.encode(state)),
                MqttQoS.AT_MOST_ONCE, false, true).mapEmpty();
    }

    /** Runs {@code action} on the car under the lock that the timer and the MQTT handler use. */
    public <T> T withCar(Function<SimElevatorCar, T> action) {
        synchronized (car) {
            return action.apply(car);
        }
    }

    public void act(Consumer<SimElevatorCar> action) {
        synchronized (car) {
            action.accept(car);
        }
    }

    public boolean isConnected() {
        return client != null && client.isConnected();
    }

    /** Clean stop: a retained OFFLINE state, then DISCONNECT. */
    public Future<Void> disconnect() {
        stopping = true;
        if (timerId >= 0) vertx.cancelTimer(timerId);
        timerId = -1;
        if (client == null || !client.isConnected()) return Future.succeededFuture();
        return client.publish(LiftTopic.state(site, car.liftName()).toString(), Buffer.buffer(codec.encode(offlineState())),
                        MqttQoS.AT_LEAST_ONCE, false, true)
                .compose(id -> client.disconnect());
    }

    private LiftState offlineState() {
        LiftState s = withCar(c -> c.state(clock.instant()));
        return new LiftState(s.liftTime(), s.liftName(), s.availableFloors(), s.currentFloor(), "", s.doorState(),
                s.motionState(), s.availableModes(), LiftMode.OFFLINE, "", s.passengers(), s.robots());
    }
}
