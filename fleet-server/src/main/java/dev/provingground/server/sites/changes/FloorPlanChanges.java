package dev.provingground.server.sites.changes;

import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.sites.SiteVersion;
import dev.provingground.server.sites.floorplans.CheckedImage;
import dev.provingground.server.sites.floorplans.FloorPlanImageStore;
import dev.provingground.server.sites.floorplans.InvalidFloorPlanException;
import dev.provingground.site.FloorPlan;
import dev.provingground.site.Level;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A level's floor-plan image set or removed: each is a new version of the site (docs/SITE-FORMAT.md,
 * {@code floorPlan}), so the site's history keeps which image every earlier version showed. The image is checked and
 * stored on a worker between {@link #checkTarget} and {@link #attach}; both of those run on the event loop, like every
 * site change.
 */
public final class FloorPlanChanges {

    /**
     * Where the image lies on the level.
     *
     * @param originX x of the image's lower-left corner in the level's frame, metres
     * @param originY y of the image's lower-left corner in the level's frame, metres
     */
    public record Placement(double metresPerPixel, double originX, double originY) {
    }

    private final SiteService sites;
    private final FloorPlanImageStore images;

    public FloorPlanChanges(SiteService sites, FloorPlanImageStore images) {
        this.sites = sites;
        this.images = images;
    }

    /**
     * Refuses an upload before its image is looked at: unknown site or level (404), a placement out of bounds (400,
     * every problem at once).
     */
    public void checkTarget(String site, String level, Placement placement) {
        level(sites.site(site), level);
        List<String> problems = new ArrayList<>();
        String scale = FloorPlan.scaleProblem(placement.metresPerPixel());
        if (scale != null) problems.add("metresPerPixel: " + scale);
        String x = FloorPlan.originProblem(placement.originX());
        if (x != null) problems.add("originX: " + x);
        String y = FloorPlan.originProblem(placement.originY());
        if (y != null) problems.add("originY: " + y);
        if (!problems.isEmpty()) throw new InvalidFloorPlanException(problems);
    }

    /**
     * Makes the stored {@code image} the level's floor plan in a new site version. The site is read again: it may
     * have changed while the image was checked.
     */
    public CompletableFuture<SiteService.Saved> attach(String site, String level, CheckedImage image,
                                                        Placement placement, String actor) {
        if (!images.has(image.sha256())) throw new IllegalStateException("image " + image.sha256() + " is not stored");
        checkTarget(site, level, placement);
        FloorPlan plan = new FloorPlan(image.sha256(), image.mediaType(), image.widthPx(), image.heightPx(),
                placement.metresPerPixel(), placement.originX(), placement.originY());
        return sites.save(withPlan(sites.site(site), level, plan), actor);
    }

    /** A new site version without the level's floor plan; the image stays for the earlier versions. */
    public CompletableFuture<SiteService.Saved> remove(String site, String level, String actor) {
        current(site, level);
        return sites.save(withPlan(sites.site(site), level, null), actor);
    }

    /** The level's floor plan in the current version; 404 too when its image is not on this server. */
    public FloorPlan current(String site, String level) {
        FloorPlan plan = level(sites.site(site), level).floorPlan();
        if (plan == null) throw new NotFoundException("level \"" + level + "\" of site \"" + site + "\" has no floor plan");
        // A damaged image is quarantined at start-up; the site version still names it until it is uploaded again.
        if (!images.has(plan.image()))
            throw new NotFoundException("the floor-plan image " + plan.image() + " of level \"" + level + "\" of site \""
                    + site + "\" is not on this server (see GET /api/v1/quarantine); upload it again with PUT "
                    + "/api/v1/sites/" + site + "/levels/" + level + "/floor-plan");
        return plan;
    }

    /**
     * The floor plan, in the current version or else the newest earlier one, that names {@code sha256}; 404 for an
     * image the site never showed or that is not on this server. Earlier versions are read only when the current
     * one does not name the image (a browser asks for an image once: it is served as immutable).
     */
    public FloorPlan planInHistory(String site, String sha256) {
        FloorPlan plan = images.has(sha256) ? naming(sites.site(site), sha256) : null;
        List<SiteVersion> versions = sites.history(site);
        for (int i = versions.size() - 1; plan == null && i >= 0 && images.has(sha256); i--) {
            SiteVersion v = versions.get(i);
            if (v.definition().contains(sha256))
                plan = naming(SiteFormat.read(v.definition().getBytes(StandardCharsets.UTF_8),
                        "stored site " + site + " version " + v.version()), sha256);
        }
        if (plan == null) throw new NotFoundException("site \"" + site + "\" has no floor-plan image " + sha256);
        return plan;
    }

    /** Stores a checked image (blocking: on a worker, between {@link #checkTarget} and {@link #attach}). */
    public void store(CheckedImage image) {
        images.save(image);
    }

    /** The stored image's file (see {@link #current} and {@link #planInHistory} for whether the site names it). */
    public Path imageFile(String sha256) {
        return images.file(sha256);
    }

    private static FloorPlan naming(Site site, String sha256) {
        return site.levels().stream().map(Level::floorPlan)
                .filter(p -> p != null && p.image().equals(sha256)).findFirst().orElse(null);
    }

    private static Level level(Site site, String id) {
        return site.level(id).orElseThrow(() -> new NotFoundException("site \"" + site.id() + "\" has no level \"" + id
                + "\"; its levels: " + site.levelIds()));
    }

    private static Site withPlan(Site site, String levelId, FloorPlan plan) {
        List<Level> levels = site.levels().stream()
                .map(l -> l.id().equals(levelId) ? l.withFloorPlan(plan) : l).toList();
        return new Site(site.id(), site.name(), site.timeZone(), site.geoAnchor(), levels, site.places(),
                site.chargers(), site.elevators(), site.passages());
    }
}
