package dev.provingground.site;

import dev.provingground.geofence.GeoAnchor;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A real place of a trial zone — a building with levels and elevators, a stretch of sidewalk — with the
 * nav graph robots drive on. Read and checked with {@link SiteFormat}; lookups are linear scans because a
 * site holds a few hundred elements at most (build a {@link SiteGraph} for repeated queries).
 *
 * @param timeZone  local time of the site, for schedules and reports
 * @param geoAnchor where the site frame sits in WGS 84, or {@code null} for a site that is not geo-referenced
 * @param passages  non-elevator links between levels, such as the entrance door to the sidewalk
 */
public record Site(
        String id,
        String name,
        ZoneId timeZone,
        GeoAnchor geoAnchor,
        List<Level> levels,
        List<Place> places,
        List<Charger> chargers,
        List<Elevator> elevators,
        List<Passage> passages) {

    public Site {
        Objects.requireNonNull(id, "site id");
        Objects.requireNonNull(name, "site name");
        Objects.requireNonNull(timeZone, "site timeZone");
        levels = List.copyOf(levels);
        places = List.copyOf(places);
        chargers = List.copyOf(chargers);
        elevators = List.copyOf(elevators);
        passages = List.copyOf(passages);
    }

    /** A site without passages between levels. */
    public Site(String id, String name, ZoneId timeZone, GeoAnchor geoAnchor, List<Level> levels,
            List<Place> places, List<Charger> chargers, List<Elevator> elevators) {
        this(id, name, timeZone, geoAnchor, levels, places, chargers, elevators, List.of());
    }

    public Optional<Level> level(String levelId) {
        return levels.stream().filter(l -> l.id().equals(levelId)).findFirst();
    }

    public Optional<Place> place(String placeName) {
        return places.stream().filter(p -> p.name().equals(placeName)).findFirst();
    }

    public Optional<Charger> charger(String chargerName) {
        return chargers.stream().filter(c -> c.name().equals(chargerName)).findFirst();
    }

    public Optional<Elevator> elevator(String elevatorId) {
        return elevators.stream().filter(e -> e.id().equals(elevatorId)).findFirst();
    }

    public Optional<Waypoint> waypoint(String waypointId) {
        return levels.stream().flatMap(l -> l.waypoint(waypointId).stream()).findFirst();
    }

    /** The level a waypoint is on. */
    public Optional<Level> levelOf(String waypointId) {
        return levels.stream().filter(l -> l.waypoint(waypointId).isPresent()).findFirst();
    }

    /** Level ids in file order. */
    public Set<String> levelIds() {
        Set<String> ids = new LinkedHashSet<>();
        levels.forEach(l -> ids.add(l.id()));
        return Collections.unmodifiableSet(ids);
    }

    /** Every elevator car of the site, bank by bank. */
    public List<ElevatorCar> elevatorCars() {
        return elevators.stream().flatMap(e -> e.cars().stream()).toList();
    }
}
