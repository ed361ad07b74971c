package dev.provingground.server.sites.changes;

import dev.provingground.server.lifecycle.CallerContext;
import dev.provingground.server.sites.SiteHistory;

import dev.provingground.server.sites.SiteCatalog;

import dev.provingground.server.sites.LevelInUseException;

import dev.provingground.server.sites.SiteVersion;

import dev.provingground.server.sites.InvalidSiteException;

import dev.provingground.server.sites.floorplans.FloorPlanImageStore;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.geofence.Zone;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.events.EventHub;
import dev.provingground.server.registry.Robot;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.server.registry.RobotStatus;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.FloorPlan;
import dev.provingground.site.Level;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;
import dev.provingground.site.SiteValidationException;
import dev.provingground.trackrecord.event.ConfigurationChange;
import dev.provingground.trackrecord.event.TrackEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sites edited over the API: a new version is validated whole, refused while it would strand zones or robots on a
 * removed level, then swapped into the catalog, kept in the history with who made it and when, stored, and
 * published as a configuration-change event.
 *
 * <p>Runs on the server's event loop, like zone edits, so a site never changes under a zone edit or an evaluation.
 */
public final class SiteService {

    // As strict as SiteFormat when reading, so a body it would refuse is never silently repaired here; NaN is
    // written back as NaN so that SiteFormat reports it at its path.
    private static final JsonMapper BODY = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private final SiteCatalog catalog;
    private final SiteHistory history;
    private final ZoneService zones;
    private final RobotRegistry registry;
    private final EventHub events;
    private final FloorPlanImageStore images;
    private final Clock clock;

    /** What a PUT did. {@code created} when the site did not exist; {@code version} is the site's latest. */
    public record Saved(Site site, SiteVersion version, boolean created) {
    }

    public SiteService(SiteCatalog catalog, SiteHistory history, ZoneService zones, RobotRegistry registry,
                       EventHub events, FloorPlanImageStore images, Clock clock) {
        this.catalog = catalog;
        this.history = history;
        this.zones = zones;
        this.registry = registry;
        this.events = events;
        this.images = images;
        this.clock = clock;
    }

    public Site site(String id) {
        return catalog.find(id).orElseThrow(() -> noSite(id));
    }

    /** The site in the site file format. */
    public byte[] json(String id) {
        return SiteFormat.write(site(id));
    }

    /** Every version of a site, oldest first. */
    public List<SiteVersion> history(String id) {
        site(id);
        return history.of(id);
    }

    /**
     * Creates or replaces a site from a site file body; the body's {@code id} must be {@code id} or absent. A body
     * equal to the current version changes nothing and adds no version.
     *
     * @throws InvalidSiteException  listing every problem of the body
     * @throws LevelInUseException   when a removed level still has zones or robots
     */
    public CompletableFuture<Saved> put(String id, byte[] body, String actor) {
        Site site = read(id, body);
        refuseUnknownImages(site, catalog.find(id).orElse(null));
        return save(site, actor);
    }

    /**
     * Makes {@code site} the next version of its site (the floor-plan changes build it from the current one). A site
     * equal to the current version changes nothing and adds no version.
     *
     * @throws LevelInUseException when a removed level still has zones or robots
     */
    public CompletableFuture<Saved> save(Site site, String actor) {
        String id = site.id();
        Site before = catalog.find(id).orElse(null);
        String text = SiteHistory.text(site);
        if (before != null) {
            List<SiteVersion> earlier = history.of(id);
            if (text.equals(SiteHistory.text(before)))
                return CompletableFuture.completedFuture(new Saved(before, earlier.get(earlier.size() - 1), false));
            refuseStrandedLevels(before, site);
        }
        SiteVersion version = new SiteVersion(id, history.nextVersion(id),
                before == null ? SiteVersion.Change.CREATED : SiteVersion.Change.UPDATED, actor, clock.instant(), text);
        // Durable before applied: a version that cannot be stored changes nothing, in memory or in the track record.
        return history.append(version).thenApplyAsync(v -> {
            catalog.put(site);
            zones.siteChanged(site);
            events.publish(new TrackEvent(version.at(), id, null, null, new ConfigurationChange(actor,
                    ConfigurationChange.Target.SITE, id, before == null ? ConfigurationChange.Action.CREATE
                    : ConfigurationChange.Action.UPDATE, details(version))));
            return new Saved(site, version, before == null);
        }, CallerContext.current());
    }

    /**
     * A floor plan must name an image uploaded to this server, except one the current version already names for the
     * same level (a site file written elsewhere keeps its plan until somebody changes it).
     */
    private void refuseUnknownImages(Site site, Site before) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < site.levels().size(); i++) {
            Level level = site.levels().get(i);
            FloorPlan plan = level.floorPlan();
            if (plan == null || images.has(plan.image())) continue;
            FloorPlan kept = before == null ? null : before.level(level.id()).map(Level::floorPlan).orElse(null);
            if (kept != null && kept.image().equals(plan.image())) continue;
            problems.add("levels[" + i + "].floorPlan.image: no image " + plan.image() + " was uploaded to this server;"
                    + " upload it with PUT /api/v1/sites/" + site.id() + "/levels/" + level.id() + "/floor-plan");
        }
        if (!problems.isEmpty()) throw new InvalidSiteException("site " + site.id(), problems);
    }

    private static Site read(String id, byte[] body) {
        String source = "site " + id;
        List<String> problems = new ArrayList<>();
        JsonNode root = parseOrNull(body);
        if (root instanceof ObjectNode object) {
            JsonNode bodyId = object.get("id");
            if (bodyId == null || bodyId.isNull()) body = write(object.put("id", id));
            else if (bodyId.isTextual() && !bodyId.asText().equals(id))
                problems.add("id: the body says \"" + bodyId.asText() + "\" but the path says \"" + id
                        + "\"; a site's id cannot change");
        }
        try {
            Site site = SiteFormat.read(body, source);
            if (problems.isEmpty()) return site;
        } catch (SiteValidationException e) {
            String prefix = e.source() + ": ";
            for (String p : e.problems()) problems.add(p.startsWith(prefix) ? p.substring(prefix.length()) : p);
        }
        throw new InvalidSiteException(source, problems);
    }

    /** Null when the body is not JSON; SiteFormat then says where it breaks. */
    private static JsonNode parseOrNull(byte[] body) {
        try {
            return BODY.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return BODY.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refuseStrandedLevels(Site before, Site after) {
        Set<String> removed = new LinkedHashSet<>(before.levelIds());
        removed.removeAll(after.levelIds());
        if (removed.isEmpty()) return;
        Map<String, LevelInUseException.Use> inUse = new TreeMap<>();
        for (String level : removed) {
            List<String> zonesThere = zones.engine(before.id()).zones().zones().stream()
                    .filter(z -> z.level().equals(level)).map(Zone::id).sorted().toList();
            List<String> robotsThere = registry.all().stream()
                    .filter(r -> r.site().equals(before.id()) && isOn(r, level)).map(Robot::id).toList();
            if (!zonesThere.isEmpty() || !robotsThere.isEmpty())
                inUse.put(level, new LevelInUseException.Use(zonesThere, robotsThere));
        }
        if (!inUse.isEmpty()) throw new LevelInUseException(before.id(), inUse);
    }

    /** Where the robot last said it was; a robot that never reported a position is on no level. */
    private boolean isOn(Robot robot, String level) {
        RobotStatus status = registry.status(robot.id());
        return status != null && status.position() != null && level.equals(status.position().mapId());
    }

    /**
     * The site's definition in force (levels, time zone, places) as a configuration event, for a firm log that opens
     * after the site was set up — sites configured from files never had a change event — so every firm's record
     * names its site and levels; null for an unknown site.
     */
    public TrackEvent definitionInForce(String id) {
        List<SiteVersion> versions = history.of(id);
        if (catalog.find(id).isEmpty() || versions.isEmpty()) return null;
        SiteVersion latest = versions.get(versions.size() - 1);
        ObjectNode details = (ObjectNode) details(latest);
        details.put("change", "SNAPSHOT");
        return new TrackEvent(clock.instant(), id, null, null, new ConfigurationChange("system",
                ConfigurationChange.Target.SITE, id, ConfigurationChange.Action.UPDATE, details));
    }

    private static JsonNode details(SiteVersion v) {
        ObjectNode details = BODY.createObjectNode().put("change", v.change().name()).put("version", v.version());
        try {
            details.set("definition", BODY.readTree(v.definition()));
        } catch (IOException e) {
            throw new UncheckedIOException("site " + v.site() + " as written is not JSON", e);
        }
        return details;
    }

    private NotFoundException noSite(String id) {
        return new NotFoundException("no site \"" + id + "\"; known: " + catalog.ids());
    }
}
