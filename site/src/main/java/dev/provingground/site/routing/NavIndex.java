package dev.provingground.site.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provingground.site.Elevator;
import dev.provingground.site.ElevatorCar;
import dev.provingground.site.Lane;
import dev.provingground.site.Level;
import dev.provingground.site.Passage;
import dev.provingground.site.Site;
import dev.provingground.site.Waypoint;

/**
 * The robot-independent skeleton of a site for routing: waypoints numbered 0..n-1 in file order, and every lane,
 * passage and possible elevator ride with the numbers of its ends. Built once per site.
 */
final class NavIndex {

    record IndexedLane(Lane lane, Level level, Waypoint fromPoint, Waypoint toPoint, int from, int to, double length) {
    }

    record IndexedPassage(Passage passage, int from, int to) {
    }

    /** A ride in one direction between two levels a car serves. */
    record IndexedRide(Elevator elevator, ElevatorCar car, Level fromLevel, Level toLevel, int from, int to) {
        int floors() {
            return Math.abs(toLevel.floor() - fromLevel.floor());
        }
    }

    final Site site;
    final String[] waypointIds;
    final Level[] levelOf;
    final List<IndexedLane> lanes = new ArrayList<>();
    final List<IndexedPassage> passages = new ArrayList<>();
    final List<IndexedRide> rides = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();

    /** @throws IllegalArgumentException naming the element when the site refers to a waypoint it does not have */
    NavIndex(Site site) {
        this.site = site;
        int count = site.levels().stream().mapToInt(l -> l.waypoints().size()).sum();
        waypointIds = new String[count];
        levelOf = new Level[count];
        Map<String, Waypoint> byId = new HashMap<>();
        int next = 0;
        for (Level level : site.levels()) {
            for (Waypoint w : level.waypoints()) {
                if (indexById.putIfAbsent(w.id(), next) != null) {
                    throw new IllegalArgumentException("site " + site.id() + ": waypoint id " + w.id() + " is used twice");
                }
                waypointIds[next] = w.id();
                levelOf[next] = level;
                byId.put(w.id(), w);
                next++;
            }
        }
        for (Level level : site.levels()) {
            for (Lane lane : level.lanes()) {
                String where = "site " + site.id() + ": lane " + lane.from() + " -> " + lane.to() + " on level " + level.id();
                int from = onLevel(lane.from(), level, where);
                int to = onLevel(lane.to(), level, where);
                Waypoint a = byId.get(lane.from());
                Waypoint b = byId.get(lane.to());
                lanes.add(new IndexedLane(lane, level, a, b, from, to, a.distanceTo(b)));
            }
        }
        for (Passage passage : site.passages()) {
            String where = "site " + site.id() + ": passage " + passage.id();
            passages.add(new IndexedPassage(passage, existing(passage.from(), where), existing(passage.to(), where)));
        }
        for (Elevator elevator : site.elevators()) {
            for (ElevatorCar car : elevator.cars()) {
                addRides(elevator, car);
            }
        }
    }

    private void addRides(Elevator elevator, ElevatorCar car) {
        for (String fromLevel : car.levels()) {
            for (String toLevel : car.levels()) {
                if (fromLevel.equals(toLevel)) continue;
                rides.add(new IndexedRide(elevator, car, level(fromLevel, car), level(toLevel, car),
                        door(car, fromLevel), door(car, toLevel)));
            }
        }
    }

    private Level level(String levelId, ElevatorCar car) {
        return site.level(levelId).orElseThrow(() -> new IllegalArgumentException(
                "site " + site.id() + ": elevator car " + car.id() + " serves unknown level " + levelId));
    }

    private int door(ElevatorCar car, String levelId) {
        String where = "site " + site.id() + ": elevator car " + car.id() + " door on level " + levelId;
        String waypoint = car.doorWaypoints().get(levelId);
        if (waypoint == null) throw new IllegalArgumentException(where + ": no door waypoint given");
        return onLevel(waypoint, level(levelId, car), where);
    }

    private int onLevel(String waypointId, Level level, String where) {
        int index = existing(waypointId, where);
        if (levelOf[index] != level) {
            throw new IllegalArgumentException(where + ": waypoint " + waypointId + " is on level " + levelOf[index].id()
                    + ", not on " + level.id());
        }
        return index;
    }

    private int existing(String waypointId, String where) {
        Integer index = indexById.get(waypointId);
        if (index == null) throw new IllegalArgumentException(where + ": unknown waypoint " + waypointId);
        return index;
    }

    int waypointCount() {
        return waypointIds.length;
    }

    /** @throws IllegalArgumentException when the site has no such waypoint */
    int indexOf(String waypointId) {
        Integer index = waypointId == null ? null : indexById.get(waypointId);
        if (index == null) {
            throw new IllegalArgumentException("unknown waypoint " + waypointId + " on site " + site.id());
        }
        return index;
    }
}
