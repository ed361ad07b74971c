package dev.provingground.app.demo;

import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.sim.elevator.SimElevatorClient;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.sim.link.MqttTarget;
import dev.provingground.site.Elevator;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import dev.provingground.site.lift.LiftCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A simulated controller for every elevator car of the demo site, with people calling the cars now and then. Each
 * gets a fresh controller login through the API, as an operator issues one (a restart rotates it, since only hashes
 * are stored), and connects to the server's MQTT port — the embedded endpoint, or the broker in external mode.
 */
public final class DemoElevators {

    /** People calling a car: a few times a minute, busy enough to see the cars move between rides. */
    static final double HALL_CALLS_PER_MINUTE = 3;
    private static final long TICK_MS = 100;

    private final Vertx vertx;
    private final DemoApi api;
    private final Site site;
    private final LiftCodec codec = new LiftCodec();
    private final Clock clock;
    private final List<SimElevatorClient> clients = new ArrayList<>();

    public DemoElevators(Vertx vertx, ServerEndpoint server, Site site) {
        this(vertx, new DemoApi(vertx, server), site, Clock.systemUTC());
    }

    /** @param clock the cars' time (see {@link DemoLauncher.Settings#clock()}) */
    DemoElevators(Vertx vertx, DemoApi api, Site site, Clock clock) {
        this.vertx = vertx;
        this.api = api;
        this.site = site;
        this.clock = clock;
    }

    /**
     * The demo building's rules for an elevator: every kind may ride; as many robots per car as it holds; a service
     * elevator carries robots alone, a passenger elevator shares with people except at the weekday rush hours.
     */
    static JsonObject rules(Elevator elevator) {
        int capacity = elevator.cars().stream().mapToInt(ElevatorCar::capacityRobots).min().orElse(1);
        JsonObject rules = new JsonObject()
                .put("allowedKinds", new JsonArray().add("DELIVERY").add("SERVING").add("DISINFECTION"))
                .put("maxRobotsPerCar", Math.max(1, capacity));
        if (elevator.name().toLowerCase(Locale.ROOT).contains("passenger")) {
            JsonArray weekdays = new JsonArray().add("MONDAY").add("TUESDAY").add("WEDNESDAY").add("THURSDAY")
                    .add("FRIDAY");
            return rules.put("passengerPolicy", "SHARED_OUTSIDE_PEAK").put("peakWindows", new JsonArray()
                    .add(new JsonObject().put("days", weekdays).put("from", "08:00").put("to", "09:30"))
                    .add(new JsonObject().put("days", weekdays.copy()).put("from", "12:00").put("to", "13:00")));
        }
        return rules.put("passengerPolicy", "ROBOT_ONLY").put("peakWindows", new JsonArray());
    }

    /** Issues each car's login over the API and connects the car to {@code mqttHost:mqttPort}; completes when all are. */
    public Future<Void> start(String mqttHost, int mqttPort) {
        return start(MqttTarget.plain(mqttHost, mqttPort));
    }

    /** Like {@link #start(String, int)}, to {@code mqtt}: plain MQTT or MQTTS. */
    public Future<Void> start(MqttTarget mqtt) {
        List<Future<Void>> connected = new ArrayList<>();
        long seed = 7;
        for (Elevator elevator : site.elevators()) {
            for (ElevatorCar car : elevator.cars()) {
                SimElevatorSpec spec = SimElevatorSpec.typical(car.id(), car.levels())
                        .withHallCalls(HALL_CALLS_PER_MINUTE, seed++);
                SimElevatorClient client = new SimElevatorClient(vertx, new SimElevatorCar(spec), site.id(), codec,
                        clock, TICK_MS);
                clients.add(client);
                connected.add(api.call(HttpMethod.POST, "/api/v1/sites/" + site.id() + "/elevators/" + elevator.id()
                                + "/cars/" + car.id() + "/credentials", api.operatorToken(), null, 201)
                        .compose(login -> client.connect(mqtt, login.getString("username"),
                                login.getString("password"))));
            }
        }
        return Future.all(connected).mapEmpty();
    }

    public List<SimElevatorClient> clients() {
        return List.copyOf(clients);
    }

    /** Each car says OFFLINE and disconnects. */
    public Future<Void> stop() {
        return Future.join(clients.stream().map(SimElevatorClient::disconnect).toList()).mapEmpty();
    }
}
