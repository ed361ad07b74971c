package dev.provingground.server.zones;

import dev.provingground.server.lifecycle.CallerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provingground.geofence.GeofenceConfig;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.geofence.ZoneState;
import dev.provingground.geofence.evaluation.GeofenceEngine;
import dev.provingground.geofence.io.CoordinateFrame;
import dev.provingground.geofence.io.GeoJsonZones;
import dev.provingground.geofence.io.ImportContext;
import dev.provingground.server.errors.ConflictException;
import dev.provingground.server.errors.InvalidInputException;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.site.Site;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.TrackEvent;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The zones of every site: one {@link GeofenceEngine} per site, edited here and evaluated by enforcement. Every
 * change is validated whole before anything changes, kept as a new version with who made it and when, written to
 * the store, and published as a configuration-change event.
 *
 * <p>Runs on the server's event loop: edits and evaluations never interleave.
 */
public final class ZoneService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SiteCatalog sites;
    private final ZoneStore store;
    private final EventHub events;
    private final Clock clock;
    private final GeofenceConfig config;
    private final GeoJsonZones geoJson;
    /** Read by every robot lane, changed on the server's context when a site is added or moves time zone. */
    private final Map<String, GeofenceEngine> engines = new ConcurrentHashMap<>();
    private final Map<String, List<ZoneVersion>> history = new HashMap<>();

    public ZoneService(SiteCatalog sites, ZoneStore store, EventHub events, GeofenceConfig config, Clock clock) {
        this.sites = sites;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.config = config;
        this.geoJson = new GeoJsonZones(config);
        for (Site s : sites.all()) engines.put(s.id(), new GeofenceEngine(s.id(), s.timeZone(), config));
        for (ZoneVersion v : store.loadHistory()) history.computeIfAbsent(key(v.site(), v.zoneId()), k -> new ArrayList<>()).add(v);
        Map<String, List<Zone>> current = new HashMap<>();
        for (ZoneVersion v : store.loadCurrent()) {
            if (!engines.containsKey(v.site())) continue; // a site no longer configured keeps its zones in the store
            Zone zone;
            try {
                zone = geoJson.readFeature(v.feature(), "stored zone " + v.site() + "/" + v.zoneId(), context(v.site()));
            } catch (RuntimeException e) {
                // Stored by an older, laxer server (a vertex at -1e300): set aside rather than refuse to start.
                store.quarantine(v, "no longer a valid zone: " + e.getMessage());
                continue;
            }
            current.computeIfAbsent(v.site(), k -> new ArrayList<>()).add(zone);
        }
        current.forEach((site, zones) -> engines.get(site).replaceAll(zones));
    }

    public GeofenceEngine engine(String site) {
        GeofenceEngine e = engines.get(site);
        if (e == null) throw new NotFoundException("no site \"" + site + "\"; known: " + sites.ids());
        return e;
    }

    /**
     * Gives a site added over the API its engine. A site whose time zone changed gets a fresh engine with the same
     * zones, since zone schedules are read in that time zone: robots inside a zone are seen entering it again at
     * their next report. Call on the event loop, after the catalog holds the new version.
     */
    public void siteChanged(Site site) {
        GeofenceEngine current = engines.get(site.id());
        if (current != null && current.timeZone().equals(site.timeZone())) return;
        GeofenceEngine fresh = new GeofenceEngine(site.id(), site.timeZone(), config);
        if (current != null) fresh.replaceAll(current.zones().zones());
        engines.put(site.id(), fresh);
    }

    public String collection(String site, CoordinateFrame frame) {
        Site s = sites.find(site).orElseThrow(() -> new NotFoundException("no site \"" + site + "\""));
        if (frame == CoordinateFrame.WGS84 && s.geoAnchor() == null)
            throw new InvalidInputException("frame", "site \"" + site + "\" has no geo anchor, so zones exist only in its level frames");
        return geoJson.writeCollection(engine(site).zones().zones(), frame, s.geoAnchor());
    }

    public Optional<Zone> zone(String site, String id) {
        return engine(site).zones().zone(id);
    }

    public String feature(String site, String id) {
        Zone z = zone(site, id).orElseThrow(() -> noZone(site, id));
        return geoJson.writeFeature(z, CoordinateFrame.LOCAL, null);
    }

    /** Replaces the whole zone set; an invalid collection (any feature) changes nothing. */
    public CompletableFuture<List<Zone>> replaceAll(String site, String collectionJson, String actor) {
        GeofenceEngine engine = engine(site);
        List<Zone> incoming = geoJson.readCollection(collectionJson, "zones of site " + site, context(site));
        Map<String, Zone> before = new LinkedHashMap<>();
        engine.zones().zones().forEach(z -> before.put(z.id(), z));
        List<ZoneVersion> versions = new ArrayList<>();
        Map<String, Zone> after = new LinkedHashMap<>();
        for (Zone z : incoming) {
            after.put(z.id(), z);
            Zone old = before.get(z.id());
            if (old == null) versions.add(version(site, z.id(), ZoneVersion.Change.CREATED, actor, write(z)));
            else if (!write(old).equals(write(z))) versions.add(version(site, z.id(), ZoneVersion.Change.UPDATED, actor, write(z)));
        }
        for (String gone : before.keySet())
            if (!after.containsKey(gone)) versions.add(version(site, gone, ZoneVersion.Change.DELETED, actor, null));
        List<Zone> previous = List.copyOf(before.values());
        engine.replaceAll(incoming);
        return commit(versions, () -> engine.replaceAll(previous)).thenApply(v -> List.copyOf(incoming));
    }

    /** Adds one zone; a feature without an id gets one. */
    public CompletableFuture<Zone> create(String site, String featureJson, String actor) {
        JsonNode node = parseObject(featureJson);
        if (node.path("id").isMissingNode() || node.path("id").isNull())
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("id", newId(site));
        Zone zone = geoJson.readFeature(node.toString(), "new zone", context(site));
        if (engine(site).zones().zone(zone.id()).isPresent())
            throw new ConflictException("zone \"" + zone.id() + "\" exists at site " + site + "; PUT it to change it");
        engine(site).put(zone);
        return commit(List.of(version(site, zone.id(), ZoneVersion.Change.CREATED, actor, write(zone))),
                () -> engine(site).remove(zone.id())).thenApply(v -> zone);
    }

    public CompletableFuture<Zone> update(String site, String id, String featureJson, String actor) {
        Zone old = zone(site, id).orElseThrow(() -> noZone(site, id));
        JsonNode node = parseObject(featureJson);
        JsonNode bodyId = node.path("id");
        if (!bodyId.isMissingNode() && !bodyId.isNull() && !bodyId.asText().equals(id))
            throw new InvalidInputException("id", "the feature says \"" + bodyId.asText() + "\" but the path says \"" + id
                    + "\"; a zone's id cannot change");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("id", id);
        Zone zone = geoJson.readFeature(node.toString(), "zone " + id, context(site));
        engine(site).put(zone);
        return commit(List.of(version(site, id, ZoneVersion.Change.UPDATED, actor, write(zone))),
                () -> engine(site).put(old)).thenApply(v -> zone);
    }

    public CompletableFuture<Void> delete(String site, String id, String actor) {
        Zone old = zone(site, id).orElseThrow(() -> noZone(site, id));
        engine(site).remove(id);
        return commit(List.of(version(site, id, ZoneVersion.Change.DELETED, actor, null)), () -> engine(site).put(old));
    }

    /** Closes or opens a DISINFECTION zone. */
    public CompletableFuture<Zone> setState(String site, String id, ZoneState state, String actor) {
        Zone z = zone(site, id).orElseThrow(() -> noZone(site, id));
        if (z.kind() != ZoneKind.DISINFECTION)
            throw new ConflictException("zone \"" + id + "\" is " + z.kind() + "; only DISINFECTION zones open and close");
        if (z.state() == state) return CompletableFuture.completedFuture(z);
        Zone changed = engine(site).setState(id, state);
        var change = state == ZoneState.CLOSED ? ZoneVersion.Change.CLOSED : ZoneVersion.Change.OPENED;
        return commit(List.of(version(site, id, change, actor, write(changed))),
                () -> engine(site).setState(id, z.state())).thenApply(v -> changed);
    }

    /**
     * The site's whole zone set as a configuration event, for a firm log that opens after the rules were set, so that
     * log too shows the rules in force; null when the site has no zones.
     */
    public TrackEvent rulesInForce(String site) {
        GeofenceEngine engine = engines.get(site);
        if (engine == null || engine.zones().zones().isEmpty()) return null;
        var details = JSON.createObjectNode().put("change", "SNAPSHOT");
        details.set("zones", parseObject(geoJson.writeCollection(engine.zones().zones(), CoordinateFrame.LOCAL, null)));
        return new TrackEvent(clock.instant(), site, null, null, new ConfigurationChange("system",
                ConfigurationChange.Target.ZONE, "all-zones", ConfigurationChange.Action.UPDATE, details));
    }

    /** Every version of a zone, deleted or not, oldest first. */
    public List<ZoneVersion> history(String site, String id) {
        engine(site);
        List<ZoneVersion> versions = history.get(key(site, id));
        if (versions == null) throw noZone(site, id);
        return List.copyOf(versions);
    }

    /**
     * Stores the versions of a change already made to the engine; the history takes them at once (so the next
     * version number is right), the track record once they are stored. A failed write undoes the change, so a
     * request answered with an error leaves nothing behind.
     */
    private CompletableFuture<Void> commit(List<ZoneVersion> versions, Runnable undo) {
        if (versions.isEmpty()) return CompletableFuture.completedFuture(null);
        for (ZoneVersion v : versions) history.computeIfAbsent(key(v.site(), v.zoneId()), k -> new ArrayList<>()).add(v);
        Executor caller = CallerContext.current();
        return store.save(versions).whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                undo.run();
                for (ZoneVersion v : versions) {
                    List<ZoneVersion> earlier = history.get(key(v.site(), v.zoneId()));
                    if (earlier != null) earlier.remove(v);
                    if (earlier != null && earlier.isEmpty()) history.remove(key(v.site(), v.zoneId()));
                }
                return;
            }
            for (ZoneVersion v : versions)
                events.publish(new TrackEvent(v.at(), v.site(), null, null, new ConfigurationChange(v.actor(),
                        ConfigurationChange.Target.ZONE, v.zoneId(), action(v.change()), details(v))));
        }, caller);
    }

    private ZoneVersion version(String site, String id, ZoneVersion.Change change, String actor, String feature) {
        List<ZoneVersion> earlier = history.get(key(site, id));
        long next = earlier == null ? 1 : earlier.get(earlier.size() - 1).version() + 1;
        return new ZoneVersion(site, id, next, change, actor, clock.instant(), feature);
    }

    private static ConfigurationChange.Action action(ZoneVersion.Change c) {
        return switch (c) {
            case CREATED -> ConfigurationChange.Action.CREATE;
            case DELETED -> ConfigurationChange.Action.DELETE;
            default -> ConfigurationChange.Action.UPDATE;
        };
    }

    private static JsonNode details(ZoneVersion v) {
        var details = JSON.createObjectNode().put("change", v.change().name()).put("version", v.version());
        if (v.feature() != null) details.set("feature", parseObject(v.feature()));
        return details;
    }

    private String write(Zone z) {
        return geoJson.writeFeature(z, CoordinateFrame.LOCAL, null);
    }

    private ImportContext context(String site) {
        Site s = sites.find(site).orElseThrow(() -> new NotFoundException("no site \"" + site + "\""));
        return new ImportContext(site, s.levelIds(), s.geoAnchor());
    }

    private String newId(String site) {
        String id;
        do {
            id = "zone-" + Long.toString(Math.abs(ThreadLocalRandom.current().nextLong()) % 2_176_782_336L, 36);
        } while (engine(site).zones().zone(id).isPresent() || history.containsKey(key(site, id)));
        return id;
    }

    private static JsonNode parseObject(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) throw new InvalidInputException("body", "must be a GeoJSON Feature object");
            return node;
        } catch (IOException e) {
            throw new InvalidInputException("body", "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static NotFoundException noZone(String site, String id) {
        return new NotFoundException("no zone \"" + id + "\" at site " + site);
    }

    private static String key(String site, String id) {
        return site + "/" + id;
    }
}
