package dev.provingground.server.elevator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.SecretHasher;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.site.Elevator;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Site;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.TrackEvent;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * MQTT logins of elevator car controllers, one per car, named {@code lift:{site}:{car}}. The password is shown once
 * when issued and only its salted hash is kept; issuing again rotates it, and the old one stops working at once.
 * Each issue is recorded as a configuration change of the credential (never the secret).
 */
public final class LiftCredentials {

    public static final String USERNAME_PREFIX = "lift:";

    private final SiteCatalog sites;
    private final LiftCredentialStore store;
    private final EventHub events;
    private final Clock clock;
    private final Map<String, LiftCredential> byUsername = new ConcurrentHashMap<>();
    private final List<Consumer<String>> rotationListeners = new CopyOnWriteArrayList<>();

    public LiftCredentials(SiteCatalog sites, LiftCredentialStore store, EventHub events, Clock clock) {
        this.sites = sites;
        this.store = store;
        this.events = events;
        this.clock = clock;
        store.loadAll().forEach(c -> byUsername.put(c.username(), c));
    }

    public static String username(String site, String car) {
        return USERNAME_PREFIX + site + ":" + car;
    }

    /** Whether a login claims to be a lift controller (robots log in with their robot id, which never has this form). */
    public static boolean isLiftUsername(String username) {
        return username != null && username.startsWith(USERNAME_PREFIX);
    }

    /** {@code listener} gets the username of every login whose password is rotated, so live sessions can be closed. */
    public void onRotation(Consumer<String> listener) {
        rotationListeners.add(listener);
    }

    /**
     * Issues (or rotates) the password of a car's controller; the password is in the result and nowhere else.
     *
     * @throws NotFoundException naming the site, elevator or car that does not exist
     */
    public CompletableFuture<AccessControl.Issued<LiftCredential>> issue(String siteId, String elevatorId, String carId,
                                                                        String actor) {
        Site site = sites.find(siteId).orElseThrow(() -> new NotFoundException("no site \"" + siteId + "\""));
        Elevator elevator = site.elevator(elevatorId).orElseThrow(() -> new NotFoundException(
                "no elevator \"" + elevatorId + "\" at site " + siteId));
        ElevatorCar car = elevator.cars().stream().filter(c -> c.id().equals(carId)).findFirst()
                .orElseThrow(() -> new NotFoundException("elevator " + elevatorId + " at site " + siteId
                        + " has no car \"" + carId + "\"; its cars: " + elevator.cars().stream().map(ElevatorCar::id).toList()));
        String username = username(siteId, car.id());
        String password = SecretHasher.newSecret();
        LiftCredential credential = new LiftCredential(username, siteId, car.id(), SecretHasher.hash(password),
                clock.instant());
        LiftCredential before = byUsername.put(username, credential);
        if (before != null) rotationListeners.forEach(l -> l.accept(username));
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("kind", "lift-controller")
                .put("username", username).put("site", siteId).put("elevator", elevatorId).put("car", car.id());
        events.publish(new TrackEvent(credential.issuedAt(), siteId, null, null, new ConfigurationChange(actor,
                ConfigurationChange.Target.CREDENTIAL, username,
                before == null ? ConfigurationChange.Action.CREATE : ConfigurationChange.Action.UPDATE, details)));
        return store.save(credential).thenApply(v -> new AccessControl.Issued<>(credential, password));
    }

    /** The controller whose login this is, if the password is right and its car is still part of its site. */
    public Optional<LiftCredential> authenticate(String username, String password) {
        LiftCredential c = username == null ? null : byUsername.get(username);
        if (c == null || !SecretHasher.matches(c.secret(), password)) return Optional.empty();
        boolean carExists = sites.find(c.site()).stream().flatMap(s -> s.elevatorCars().stream())
                .anyMatch(car -> car.id().equals(c.car()));
        return carExists ? Optional.of(c) : Optional.empty();
    }
}
