package dev.provingground.app.demo;

import dev.provingground.server.wiring.FleetServer;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.elevator.LiftCredential;
import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.sim.elevator.SimElevatorClient;
import dev.provingground.sim.elevator.SimElevatorSpec;
import dev.provingground.site.Elevator;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import dev.provingground.site.lift.LiftCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A simulated controller for every elevator car of the demo site, with people calling the cars now and then. Each
 * gets a fresh controller login from the server (a restart rotates it, since only hashes are stored), the way an
 * operator would issue one over the API, and connects to the server's MQTT port — the embedded endpoint, or the
 * broker in external mode.
 */
public final class DemoElevators {

    /** People calling a car: a few times a minute, busy enough to see the cars move between rides. */
    static final double HALL_CALLS_PER_MINUTE = 3;
    private static final long TICK_MS = 100;

    private final Vertx vertx;
    private final FleetServer server;
    private final Site site;
    private final LiftCodec codec = new LiftCodec();
    private final List<SimElevatorClient> clients = new ArrayList<>();

    public DemoElevators(Vertx vertx, FleetServer server, Site site) {
        this.vertx = vertx;
        this.server = server;
        this.site = site;
    }

    /** Issues the logins and connects every car; completes when all are connected. */
    public Future<Void> start(String host, int port) {
        List<Future<Void>> connected = new ArrayList<>();
        long seed = 7;
        for (Elevator elevator : site.elevators()) {
            for (ElevatorCar car : elevator.cars()) {
                AccessControl.Issued<LiftCredential> login = issue(elevator.id(), car.id());
                SimElevatorSpec spec = SimElevatorSpec.typical(car.id(), car.levels())
                        .withHallCalls(HALL_CALLS_PER_MINUTE, seed++);
                SimElevatorClient client = new SimElevatorClient(vertx, new SimElevatorCar(spec), site.id(), codec,
                        Clock.systemUTC(), TICK_MS);
                clients.add(client);
                connected.add(client.connect(host, port, login.value().username(), login.secret()));
            }
        }
        return Future.all(connected).mapEmpty();
    }

    /** On the server's event loop, where credential changes are recorded. */
    private AccessControl.Issued<LiftCredential> issue(String elevatorId, String carId) {
        return server.onEventLoop(() -> server.liftCredentials().issue(site.id(), elevatorId, carId, "demo"))
                .orTimeout(30, TimeUnit.SECONDS).join();
    }

    public List<SimElevatorClient> clients() {
        return List.copyOf(clients);
    }

    /** Each car says OFFLINE and disconnects. */
    public Future<Void> stop() {
        return Future.join(clients.stream().map(SimElevatorClient::disconnect).toList()).mapEmpty();
    }
}
