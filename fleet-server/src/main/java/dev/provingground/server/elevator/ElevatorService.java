package dev.provingground.server.elevator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.site.Elevator;
import dev.provingground.site.Site;
import dev.provingground.site.lift.LiftRequest;
import dev.provingground.site.lift.LiftState;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.TrackEvent;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The elevators of every site, each with its {@link ElevatorManager} and rules. Rules changed over the API are
 * stored and recorded as configuration events; until changed, an elevator runs robot-only rules. Runs on the
 * server's event loop.
 *
 * <p>Car states reach the managers through {@link #onLiftState}; {@link #tick()} (a few times a second) lets every
 * manager decide, sends its lift requests over the attached {@link LiftLink} and tells the {@link RideListener}s.
 */
public final class ElevatorService implements CarAvailability {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(ElevatorService.class.getName());

    private final SiteCatalog sites;
    private final ElevatorRulesStore store;
    private final EventHub events;
    private final Clock clock;
    private final Map<String, ElevatorManager> managers = new HashMap<>();
    private final List<RideListener> listeners = new ArrayList<>();
    private final Map<String, Instant> stateReceivedAt = new HashMap<>();
    private LiftLink lifts = LiftLink.NONE;

    public ElevatorService(SiteCatalog sites, ElevatorRulesStore store, EventHub events, Clock clock) {
        this.sites = sites;
        this.store = store;
        this.events = events;
        this.clock = clock;
        Map<String, ElevatorRules> stored = store.loadAll();
        for (Site s : sites.all())
            for (Elevator e : s.elevators()) {
                ElevatorRules rules = stored.get(key(s.id(), e.id()));
                manager(s, e, rules == null ? ElevatorRules.robotOnly() : rules);
            }
    }

    private ElevatorManager manager(Site site, Elevator e, ElevatorRules rules) {
        ElevatorManager m = new ElevatorManager(e, rules, site.timeZone(), clock, ElevatorManagerConfig.defaults());
        managers.put(key(site.id(), e.id()), m);
        return m;
    }

    /** The site's elevators with their cars and managers, creating managers for elevators added since. */
    public List<ElevatorManager> elevators(String siteId) {
        Site site = sites.find(siteId).orElseThrow(() -> new NotFoundException("no site \"" + siteId + "\""));
        return site.elevators().stream().map(e -> {
            ElevatorManager m = managers.get(key(siteId, e.id()));
            return m != null && m.elevator().equals(e) ? m : manager(site, e, m == null ? ElevatorRules.robotOnly() : m.rules());
        }).toList();
    }

    public CompletableFuture<ElevatorRules> setRules(String siteId, String elevatorId, ElevatorRules rules, String actor) {
        ElevatorManager m = elevators(siteId).stream().filter(x -> x.elevator().id().equals(elevatorId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no elevator \"" + elevatorId + "\" at site " + siteId));
        m.setRules(rules);
        JsonObject json = RulesJson.write(rules);
        events.publish(new TrackEvent(clock.instant(), siteId, null, null, new ConfigurationChange(actor,
                ConfigurationChange.Target.ELEVATOR, elevatorId, ConfigurationChange.Action.UPDATE,
                JSON.valueToTree(json.getMap()))));
        return store.save(siteId, elevatorId, rules).thenApply(v -> rules);
    }

    /** Where lift requests go from now on. */
    public void attachLifts(LiftLink link) {
        this.lifts = link;
    }

    /** Where lift requests go now. */
    public LiftLink lifts() {
        return lifts;
    }

    public void addListener(RideListener listener) {
        listeners.add(listener);
    }

    /** The elevator of the site, if it has one of that id. */
    public Optional<ElevatorManager> manager(String siteId, String elevatorId) {
        if (sites.find(siteId).isEmpty()) return Optional.empty();
        return elevators(siteId).stream().filter(m -> m.elevator().id().equals(elevatorId)).findFirst();
    }

    /**
     * A car reported its state.
     *
     * @return false when no elevator of the site has a car of that {@code lift_name}
     */
    public boolean onLiftState(String siteId, LiftState state) {
        if (sites.find(siteId).isEmpty()) return false;
        boolean known = false;
        for (ElevatorManager m : elevators(siteId)) known |= m.onState(state);
        if (known) stateReceivedAt.put(key(siteId, state.liftName()), clock.instant());
        return known;
    }

    @Override
    public Set<String> closedTo(String siteId, String kind) {
        return carsOfEvery(siteId, m -> m.carsClosedTo(kind));
    }

    @Override
    public Set<String> notServing(String siteId, String kind) {
        return carsOfEvery(siteId, m -> m.carsNotServing(kind));
    }

    private Set<String> carsOfEvery(String siteId, Function<ElevatorManager, Set<String>> cars) {
        if (sites.find(siteId).isEmpty()) return Set.of();
        Set<String> out = new TreeSet<>();
        for (ElevatorManager m : elevators(siteId)) out.addAll(cars.apply(m));
        return out;
    }

    /** When the car's latest state arrived, for those who show it. */
    public Optional<Instant> stateReceivedAt(String siteId, String carId) {
        return Optional.ofNullable(stateReceivedAt.get(key(siteId, carId)));
    }

    /** Lets every manager decide: sends the requests it returns and hands its notices to the listeners. */
    public void tick() {
        for (Site site : sites.all()) {
            for (ElevatorManager m : elevators(site.id())) {
                ManagerStep step = m.tick();
                for (LiftRequest r : step.requests()) {
                    lifts.send(site.id(), r).onFailure(e -> LOG.fine(() -> "lift request to " + r.liftName()
                            + " not sent: " + e.getMessage()));
                }
                for (ElevatorNotice n : step.notices()) {
                    for (RideListener l : listeners) l.notice(site.id(), m, n);
                }
            }
        }
    }

    private static String key(String site, String elevator) {
        return ElevatorRulesStore.key(site, elevator);
    }
}
