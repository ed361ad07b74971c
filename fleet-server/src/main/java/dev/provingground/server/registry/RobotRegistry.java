package dev.provingground.server.registry;

import dev.provingground.server.lifecycle.CallerContext;
import dev.provingground.profiles.HardwareProfile;
import dev.provingground.profiles.ProfileCatalog;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.errors.InvalidInputException;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.auth.AccessControl;
import dev.provingground.server.auth.SecretHasher;
import dev.provingground.vda5050.AgvPosition;
import dev.provingground.vda5050.ConnectionState;
import dev.provingground.vda5050.State;
import dev.provingground.vda5050.TopicAddress;
import dev.provingground.vda5050.Velocity;
import dev.provingground.vda5050.Visualization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every registered robot and the latest of what it reported. Registrations are written through at once; status
 * changes are marked dirty and written by {@link #flushDirty()} on a timer, so a robot reporting ten times a second
 * costs one write per flush, not ten.
 */
public final class RobotRegistry {

    private static final Logger LOG = Logger.getLogger(RobotRegistry.class.getName());

    private final RobotStore store;
    private final ProfileCatalog profiles;
    private final AccessControl access;
    private final Supplier<Set<String>> siteIds;
    private final Clock clock;
    private final Map<String, Robot> robots = new ConcurrentHashMap<>();
    private final Map<String, String> idByAddress = new ConcurrentHashMap<>();
    private final Map<String, RobotStatus> status = new ConcurrentHashMap<>();
    private final Map<String, State> lastState = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** When the last message was, in each robot's status as last written; absent until written this run. */
    private final Map<String, Instant> savedMessageAt = new ConcurrentHashMap<>();
    /** Robots whose status changed in its times alone since it was last written. */
    private final Set<String> timesUnsaved = ConcurrentHashMap.newKeySet();
    /** How old the stored status of a robot whose status changed only in its times may get before it is written. */
    static final Duration SAVE_UNCHANGED_AFTER = Duration.ofSeconds(60);
    /** Ids whose registration is being written; not yet robots. */
    private final Set<String> registering = ConcurrentHashMap.newKeySet();
    /** Robots whose record a change is writing; the next change to one waits for it. */
    private final Map<String, CompletableFuture<Changed>> changing = new ConcurrentHashMap<>();
    private final List<RobotListener> listeners = new CopyOnWriteArrayList<>();

    public RobotRegistry(RobotStore store, ProfileCatalog profiles, AccessControl access, Supplier<Set<String>> siteIds,
                         Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.access = access;
        this.siteIds = siteIds;
        this.clock = clock;
        for (RobotStore.Entry e : store.loadAll()) {
            robots.put(e.robot().id(), e.robot());
            idByAddress.put(address(e.robot().manufacturer(), e.robot().serialNumber()), e.robot().id());
            status.put(e.robot().id(), e.status());
        }
        claimNamesOfEarlierRobots();
    }

    /**
     * Robots registered before manufacturer names were claimed give their name to the firm that registered under it
     * first; a second firm's robots already there stay, but it registers no more under that name.
     */
    private void claimNamesOfEarlierRobots() {
        robots.values().stream().sorted(Comparator.comparing(Robot::registeredAt).thenComparing(Robot::id))
                .filter(r -> access.claimOn(r.manufacturer()).isEmpty() && access.firm(r.firm()).isPresent())
                .forEach(r -> access.claim(r.manufacturer(), r.firm(), "registry"));
    }

    public void addListener(RobotListener listener) {
        listeners.add(listener);
    }

    /** The id a robot gets: stable across restarts and re-registrations, safe in URLs and as an MQTT username. */
    public static String idFor(String manufacturer, String serialNumber) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((manufacturer + "\n" + serialNumber).getBytes(StandardCharsets.UTF_8));
            return "rb-" + HexFormat.of().formatHex(h, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param dispatch null for {@link DispatchMode#SERVER} */
    public record Registration(String manufacturer, String serialNumber, String firm, String profile, String site,
                               DispatchMode dispatch) {

        /** A robot the server dispatches, as every robot was before vendors could keep their own fleet manager. */
        public Registration(String manufacturer, String serialNumber, String firm, String profile, String site) {
            this(manufacturer, serialNumber, firm, profile, site, DispatchMode.SERVER);
        }
    }

    /** A manufacturer name as robots are registered under and firms claim: an MQTT topic level. */
    public static String manufacturerName(String raw) {
        String manufacturer = requireText("manufacturer", raw);
        if (manufacturer.length() > 128 || manufacturer.equals(".") || manufacturer.equals("..")
                || manufacturer.chars().anyMatch(c -> c == '/' || c == '+' || c == '#' || c < 0x20))
            throw new InvalidInputException("manufacturer", "must be at most 128 characters without '/', '+', '#' or"
                    + " control characters, and not '.' or '..' (it is an MQTT topic level)");
        return manufacturer;
    }

    /** Validates, stores, and returns the robot with its MQTT password (shown only this once). */
    public CompletableFuture<AccessControl.Issued<Robot>> register(Registration r) {
        return register(r, "system");
    }

    /**
     * Validates, stores, and returns the robot with its MQTT password (shown only this once); listeners hear who
     * registered it. The firm claims the manufacturer name if no firm has yet.
     */
    public CompletableFuture<AccessControl.Issued<Robot>> register(Registration r, String actor) {
        String manufacturer = manufacturerName(r.manufacturer());
        String serial = requireText("serialNumber", r.serialNumber());
        if (!TopicAddress.isSerialNumber(serial))
            throw new InvalidInputException("serialNumber", "must be 1-128 characters of A-Z a-z 0-9 _ . : - (VDA 5050),"
                    + " starting with a letter or digit, got \"" + serial + "\"");
        String firm = requireText("firm", r.firm());
        if (access.firm(firm).isEmpty()) throw new InvalidInputException("firm", "unknown firm \"" + firm + "\"");
        String profileId = requireText("profile", r.profile());
        HardwareProfile profile = profiles.find(profileId).orElseThrow(() -> new InvalidInputException("profile",
                "unknown profile \"" + profileId + "\"; known: " + profiles.all().stream().map(HardwareProfile::id).toList()));
        String site = resolveSite(r.site());

        String id = idFor(manufacturer, serial);
        if (robots.containsKey(id))
            throw new ConflictException("robot " + manufacturer + "/" + serial + " is already registered as " + id);
        String password = SecretHasher.newSecret();
        Instant now = clock.instant();
        Robot robot = new Robot(id, manufacturer, serial, firm, profileId, profile.service().kind().name(), site,
                SecretHasher.hash(password), now, r.dispatch());
        // Durable before applied: the id is only reserved while the store writes; a failed write leaves no trace.
        if (robots.containsKey(id) || !registering.add(id))
            throw new ConflictException("robot " + manufacturer + "/" + serial + " is already registered as " + id);
        CompletableFuture<?> claimed;
        try {
            claimed = access.claim(manufacturer, firm, "firm:" + firm);
        } catch (RuntimeException refused) {
            registering.remove(id);
            throw refused;
        }
        RobotStatus initial = RobotStatus.never(now);
        Executor caller = CallerContext.current();
        return claimed.thenCompose(c -> store.save(new RobotStore.Entry(robot, initial))).whenCompleteAsync((v, failure) -> {
            if (failure == null) {
                status.put(id, initial);
                idByAddress.put(address(manufacturer, serial), id);
                robots.put(id, robot);
                tell(l -> l.registered(robot, actor, now));
            }
            registering.remove(id);
        }, caller).thenApply(v -> new AccessControl.Issued<>(robot, password));
    }

    /** Issues a new MQTT password; the old one stops working at once, and a session opened with it is closed. */
    public CompletableFuture<String> rotateCredentials(String id) {
        return rotateCredentials(id, "system");
    }

    /** As {@link #rotateCredentials(String)}, recording who asked. */
    public CompletableFuture<String> rotateCredentials(String id, String actor) {
        require(id);
        String password = SecretHasher.newSecret();
        SecretHasher.HashedSecret secret = SecretHasher.hash(password);
        return changeRecord(id, robot -> robot.withMqttSecret(secret)).thenApply(changed -> {
            Instant at = clock.instant();
            tell(l -> l.credentialsRotated(changed.after()));
            tell(l -> l.credentialsRotated(changed.after(), actor, at));
            return password;
        });
    }

    /**
     * Sets who gives the robot its work; listeners hear of a real change once it is stored (the task service takes
     * back a task the robot carries when it becomes {@link DispatchMode#VENDOR}). Setting the mode it already has
     * changes nothing.
     */
    public CompletableFuture<Robot> setDispatch(String id, DispatchMode mode, String actor) {
        require(id);
        return changeRecord(id, robot -> robot.dispatch() == mode ? robot : robot.withDispatch(mode)).thenApply(changed -> {
            if (changed.after() != changed.before()) {
                Instant at = clock.instant();
                tell(l -> l.dispatchChanged(changed.after(), changed.before().dispatch(), actor, at));
            }
            return changed.after();
        });
    }

    /** A robot's record before and after a change; the same record when the change changed nothing. */
    private record Changed(Robot before, Robot after) {
    }

    /**
     * Durable before applied: writes the robot's record as {@code change} makes it and puts it in memory only once
     * stored, on the caller's event loop, so a failed write changes nothing and answers the storage error. Changes to
     * one robot are written one after another, each made from the record the one before left, so neither is lost.
     */
    private CompletableFuture<Changed> changeRecord(String id, UnaryOperator<Robot> change) {
        Executor caller = CallerContext.current();
        CompletableFuture<Changed> mine = new CompletableFuture<>();
        CompletableFuture<Changed> pending = changing.putIfAbsent(id, mine);
        if (pending != null) return pending.handle((c, failure) -> null)
                .thenComposeAsync(ignored -> changeRecord(id, change), caller);
        Robot before;
        Robot after;
        try {
            before = require(id);
            after = change.apply(before);
        } catch (RuntimeException refused) {
            changing.remove(id, mine);
            throw refused;
        }
        if (after == before) {
            changing.remove(id, mine);
            return CompletableFuture.completedFuture(new Changed(before, before));
        }
        store.save(new RobotStore.Entry(after, status.get(id))).whenCompleteAsync((v, failure) -> {
            if (failure == null) robots.put(id, after);
            changing.remove(id, mine);
            if (failure != null) mine.completeExceptionally(failure);
            else mine.complete(new Changed(before, after));
        }, caller);
        return mine;
    }

    private String resolveSite(String requested) {
        Set<String> known = siteIds.get();
        if (requested == null || requested.isBlank()) {
            if (known.size() == 1) return known.iterator().next();
            throw new InvalidInputException("site", "required; known sites: " + known);
        }
        if (!known.contains(requested))
            throw new InvalidInputException("site", "unknown site \"" + requested + "\"; known sites: " + known);
        return requested;
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) throw new InvalidInputException(field, "required");
        return value.strip();
    }

    public Optional<Robot> find(String id) {
        return Optional.ofNullable(robots.get(id));
    }

    public Robot require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("no robot \"" + id + "\""));
    }

    public Optional<Robot> findByAddress(String manufacturer, String serialNumber) {
        String id = idByAddress.get(address(manufacturer, serialNumber));
        return id == null ? Optional.empty() : find(id);
    }

    /** Every robot, by id. */
    public List<Robot> all() {
        return robots.values().stream().sorted(Comparator.comparing(Robot::id)).toList();
    }

    /**
     * Every robot, in no particular order, as a live read-only view: for scans that keep few of them (the dispatch
     * round's), where sorting thousands of ids first cost the server's event loop milliseconds a round.
     */
    public Collection<Robot> unordered() {
        return Collections.unmodifiableCollection(robots.values());
    }

    public RobotStatus status(String id) {
        return status.get(id);
    }

    public Optional<State> lastState(String id) {
        return Optional.ofNullable(lastState.get(id));
    }

    /** The robot whose MQTT login this is, if the password is right. */
    public Optional<Robot> authenticateMqtt(String username, String password) {
        Robot robot = username == null ? null : robots.get(username);
        if (robot == null || !SecretHasher.matches(robot.mqttSecret(), password)) return Optional.empty();
        return Optional.of(robot);
    }

    /** Remembers the VDA 5050 version a robot speaks, from any message it sent. */
    public void noteProtocolVersion(String id, String version) {
        RobotStatus before = status.get(id);
        if (before == null) return;
        RobotStatus after = before.withProtocolVersion(version);
        if (after != before) update(id, after);
    }

    /** The VDA 5050 version to write this robot's orders in; null until it has said. */
    public String protocolVersion(String id) {
        RobotStatus s = status.get(id);
        return s == null ? null : s.protocolVersion();
    }

    public void applyConnection(String id, ConnectionState state, Instant at) {
        RobotStatus before = status.get(id);
        if (before == null) return;
        RobotStatus after = before.withConnection(state, at);
        update(id, after);
        if (before.connection() != state) tell(l -> l.connectionChanged(robots.get(id), before.connection(), state, at));
    }

    public void applyState(String id, State s, Instant at) {
        RobotStatus before = status.get(id);
        if (before == null) return;
        lastState.put(id, s);
        RobotPosition position = position(s.agvPosition(), before.position());
        Double battery = s.batteryState() == null ? before.battery() : Double.valueOf(s.batteryState().batteryCharge());
        Boolean charging = s.batteryState() == null ? before.charging() : Boolean.valueOf(s.batteryState().charging());
        List<String> errors = s.errors().stream()
                .map(e -> e.errorLevel() + " " + e.errorType() + (e.errorDescription() == null ? "" : ": " + e.errorDescription()))
                .toList();
        RobotStatus after = new RobotStatus(before.connection() == ConnectionState.ONLINE ? before.connection()
                : ConnectionState.ONLINE, before.connection() == ConnectionState.ONLINE ? before.connectionChangedAt() : at,
                position, battery, charging, speed(s.velocity(), before.speed()), s.driving(), s.paused(),
                s.operatingMode() == null ? null : s.operatingMode().name(), s.orderId(), s.lastNodeId(), errors, at, at, at,
                s.version());
        update(id, after);
        if (before.connection() != ConnectionState.ONLINE)
            tell(l -> l.connectionChanged(robots.get(id), before.connection(), ConnectionState.ONLINE, at));
        tell(l -> l.stateReceived(robots.get(id), s, before.position(), at));
    }

    public void applyVisualization(String id, Visualization v, Instant at) {
        RobotStatus before = status.get(id);
        if (before == null || v.agvPosition() == null) return;
        update(id, before.withPosition(position(v.agvPosition(), before.position()), speed(v.velocity(), before.speed()), at));
        Robot robot = robots.get(id);
        tell(l -> l.positionReported(robot, v.agvPosition(), v.velocity(), before.position(), at));
    }

    /** One listener's failure is logged and does not keep the others from hearing of the update. */
    private void tell(Consumer<RobotListener> call) {
        for (RobotListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, l.getClass().getSimpleName() + " failed", e);
            }
        }
    }

    private static RobotPosition position(AgvPosition p, RobotPosition fallback) {
        if (p == null) return fallback;
        return new RobotPosition(p.mapId(), p.x(), p.y(), p.theta(), p.positionInitialized());
    }

    private static Double speed(Velocity v, Double fallback) {
        if (v == null || v.vx() == null || v.vy() == null) return fallback;
        return Math.sqrt(v.vx() * v.vx() + v.vy() * v.vy());
    }

    /**
     * Takes the status in; it is written at the next flush only if something but its times changed, or the status
     * last written is {@link #SAVE_UNCHANGED_AFTER} old: a robot standing idle and reporting every second costs no
     * write a second, and what is stored still says when it was last heard of within that time.
     */
    private void update(String id, RobotStatus after) {
        RobotStatus before = status.put(id, after);
        Instant saved = savedMessageAt.get(id);
        if (before == null || !after.sameApartFromTimes(before) || saved == null || after.lastMessageAt() == null
                || after.lastMessageAt().isAfter(saved.plus(SAVE_UNCHANGED_AFTER))) dirty.add(id);
        else timesUnsaved.add(id);
    }

    /** Writes every status not yet written, also those whose times alone changed; for a server stopping. */
    public CompletableFuture<Void> flushAll() {
        dirty.addAll(timesUnsaved);
        return flushDirty();
    }

    /**
     * Writes every status changed since the last flush, in one change; returns when it is committed. Which robots
     * and what of them is worked out by the store when it writes (on its writer thread, for the MapDB store): with
     * thousands of robots that took the event loop tens of milliseconds each second. Every map it reads is
     * concurrent, and a robot whose status changes meanwhile is marked dirty again for the next flush.
     */
    public CompletableFuture<Void> flushDirty() {
        if (dirty.isEmpty()) return CompletableFuture.completedFuture(null);
        List<String> taken = new ArrayList<>();
        // A failed write (storage failing) is tried again at the next flush rather than lost.
        return store.saveAllGathered(() -> takeDirty(taken)).whenComplete((v, e) -> {
            if (e != null) {
                taken.forEach(savedMessageAt::remove);
                dirty.addAll(taken);
            }
        });
    }

    /** The entries of the robots marked dirty, unmarking them; their ids go to {@code taken}. */
    private List<RobotStore.Entry> takeDirty(List<String> taken) {
        List<RobotStore.Entry> entries = new ArrayList<>(dirty.size());
        for (String id : List.copyOf(dirty)) {
            // A change of the robot's record is being written with its status: this write would carry the record
            // as it was and, committed after the change, undo it on disk. The status stays dirty for the next flush.
            if (changing.containsKey(id)) continue;
            dirty.remove(id);
            timesUnsaved.remove(id);
            Robot robot = robots.get(id);
            if (robot == null) continue; // not a registered robot: nothing of it to write
            RobotStatus written = status.get(id);
            if (written != null && written.lastMessageAt() != null) savedMessageAt.put(id, written.lastMessageAt());
            taken.add(id);
            entries.add(new RobotStore.Entry(robot, written));
        }
        return entries;
    }

    private static String address(String manufacturer, String serialNumber) {
        return manufacturer + "/" + serialNumber;
    }
}
