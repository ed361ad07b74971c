package dev.provingground.scenarios.harness;

import dev.provingground.server.support.InProcessLink;
import dev.provingground.sim.elevator.SimElevatorCar;
import dev.provingground.site.lift.LiftCodec;
import dev.provingground.site.lift.LiftMode;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A simulated elevator car and its controller on the in-process link, as {@code SimElevatorClient} over MQTT: obeys
 * the requests it reads, runs the car (people calling it included) step by step, and reports its state once a second
 * and at once when something changes; its last will is an OFFLINE state. Touched only on the server's context.
 */
public final class LinkedCar {

    private static final Duration STATE_PERIOD = Duration.ofSeconds(1);

    private final SimElevatorCar car;
    private final String site;
    private final Clock clock;
    private final LiftCodec codec = new LiftCodec();
    private InProcessLink.Lifts link;
    private Instant lastReport = Instant.MIN;

    LinkedCar(SimElevatorCar car, String site, Clock clock) {
        this.car = car;
        this.site = site;
        this.clock = clock;
    }

    public SimElevatorCar car() {
        return car;
    }

    public String liftName() {
        return car.liftName();
    }

    /** Logs in with the car's controller login and reports the car at once. */
    void connect(InProcessLink.Lifts lifts, String username, String password) {
        if (!lifts.connect(username, password, this::receive))
            throw new IllegalStateException(car.liftName() + ": controller login refused");
        this.link = lifts;
        lastReport = Instant.MIN;
        report();
    }

    void step(double seconds) {
        car.advance(seconds);
        if (!clock.instant().isBefore(lastReport.plus(STATE_PERIOD))) report();
        else reportIfChanged();
    }

    private void receive(LiftRequest request) {
        car.request(request);
        reportIfChanged();
    }

    private void reportIfChanged() {
        if (car.takeChanged()) report();
    }

    private void report() {
        if (link == null) return;
        lastReport = clock.instant();
        link.publishState(site, car.liftName(), codec.encode(car.state(clock.instant())));
    }

    /** Clean stop: a last OFFLINE state, then DISCONNECT. */
    public void disconnect() {
        if (link == null) return;
        link.publishState(site, car.liftName(), codec.encode(offline()));
        link.disconnect(site, car.liftName());
        link = null;
    }

    /** The controller vanishes: the server gets its last will, an OFFLINE state. */
    public void dropLink() {
        if (link == null) return;
        link.drop(site, car.liftName(), codec.encode(offline()));
        link = null;
    }

    private LiftState offline() {
        LiftState s = car.state(clock.instant());
        return new LiftState(s.liftTime(), s.liftName(), s.availableFloors(), s.currentFloor(), "", s.doorState(),
                s.motionState(), s.availableModes(), LiftMode.OFFLINE, "", s.passengers(), s.robots());
    }
}
