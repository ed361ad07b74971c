package dev.provingground.geofence.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.provingground.geofence.Zone;

/**
 * An immutable snapshot of a site's zones: zones by id plus, per level, an STRtree of prepared geometries.
 * Edits return a new snapshot that shares the prepared geometries and trees of everything unchanged, so an edit
 * costs one level's tree rebuild, never a re-preparation of the whole site.
 */
public final class ZoneSet {

    private static final ZoneSet EMPTY = new ZoneSet(new LinkedHashMap<>(), Map.of());

    private final Map<String, IndexedZone> byId;
    private final Map<String, LevelIndex> levels;

    private ZoneSet(LinkedHashMap<String, IndexedZone> byId, Map<String, LevelIndex> levels) {
        this.byId = Collections.unmodifiableMap(byId);
        this.levels = Map.copyOf(levels);
    }

    public static ZoneSet empty() {
        return EMPTY;
    }

    /** @throws IllegalArgumentException if two zones share an id */
    public static ZoneSet of(Collection<Zone> zones) {
        LinkedHashMap<String, IndexedZone> byId = new LinkedHashMap<>();
        for (Zone zone : zones) {
            if (byId.put(zone.id(), IndexedZone.prepare(zone)) != null) {
                throw new IllegalArgumentException("zone id '" + zone.id() + "' is used twice");
            }
        }
        Map<String, List<IndexedZone>> perLevel = new HashMap<>();
        for (IndexedZone z : byId.values()) perLevel.computeIfAbsent(z.zone().level(), l -> new ArrayList<>()).add(z);
        Map<String, LevelIndex> levels = new HashMap<>();
        perLevel.forEach((level, list) -> levels.put(level, new LevelIndex(level, list)));
        return new ZoneSet(byId, levels);
    }

    /** This set with the zone added, or replacing the zone of the same id. */
    public ZoneSet with(Zone zone) {
        LinkedHashMap<String, IndexedZone> byId = new LinkedHashMap<>(this.byId);
        IndexedZone old = byId.get(zone.id());
        IndexedZone fresh = old == null ? IndexedZone.prepare(zone) : old.withZone(zone);
        byId.put(zone.id(), fresh);
        Map<String, LevelIndex> levels = new HashMap<>(this.levels);
        if (old != null && !old.zone().level().equals(zone.level())) rebuildLevel(byId, levels, old.zone().level());
        rebuildLevel(byId, levels, zone.level());
        return new ZoneSet(byId, levels);
    }

    /** This set without the zone; the same set if there is no such zone. */
    public ZoneSet without(String zoneId) {
        IndexedZone old = byId.get(zoneId);
        if (old == null) return this;
        LinkedHashMap<String, IndexedZone> byId = new LinkedHashMap<>(this.byId);
        byId.remove(zoneId);
        Map<String, LevelIndex> levels = new HashMap<>(this.levels);
        rebuildLevel(byId, levels, old.zone().level());
        return new ZoneSet(byId, levels);
    }

    private static void rebuildLevel(Map<String, IndexedZone> byId, Map<String, LevelIndex> levels, String level) {
        List<IndexedZone> list = byId.values().stream().filter(z -> z.zone().level().equals(level)).toList();
        if (list.isEmpty()) levels.remove(level);
        else levels.put(level, new LevelIndex(level, list));
    }

    public Optional<Zone> zone(String id) {
        IndexedZone z = byId.get(id);
        return z == null ? Optional.empty() : Optional.of(z.zone());
    }

    public Optional<IndexedZone> indexed(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All zones in the order they were added. */
    public List<Zone> zones() {
        return byId.values().stream().map(IndexedZone::zone).toList();
    }

    public int size() {
        return byId.size();
    }

    /** The level's index, or null when the level has no zones. */
    public LevelIndex level(String level) {
        return level == null ? null : levels.get(level);
    }

    public Set<String> levels() {
        return levels.keySet();
    }
}
