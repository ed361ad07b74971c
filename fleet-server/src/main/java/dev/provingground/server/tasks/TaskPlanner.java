package dev.provingground.server.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.geofence.Zone;
import dev.provingground.geofence.ZoneKind;
import dev.provingground.server.errors.InvalidInputException;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.server.zones.ZoneService;
import dev.provingground.site.Place;
import dev.provingground.site.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a task request's description into stops, checking everything a request can get wrong against the site:
 * unknown places, a serving task without tables, a disinfection task naming a zone that is not a disinfection zone.
 */
public final class TaskPlanner {

    static final String LOAD = "load";
    static final String UNLOAD = "unload";

    private final SiteCatalog sites;
    private final ZoneService zones;

    public TaskPlanner(SiteCatalog sites, ZoneService zones) {
        this.sites = sites;
        this.zones = zones;
    }

    public List<Stop> plan(String siteId, TaskCategory category, JsonNode d) {
        Site site = sites.find(siteId).orElseThrow(() -> new NotFoundException("no site \"" + siteId + "\""));
        return switch (category) {
            case DELIVERY -> List.of(
                    placeStop(site, d, "pickup", "pickup at ", handover(LOAD)),
                    placeStop(site, d, "dropoff", "dropoff at ", handover(UNLOAD)));
            case SERVING -> serving(site, d);
            case GO_TO_PLACE -> List.of(placeStop(site, d, null, "go to ", null));
            case CHARGE -> List.of(charge(site, d));
            case DISINFECTION -> List.of(disinfection(siteId, d));
        };
    }

    private List<Stop> serving(Site site, JsonNode d) {
        Stop from = placeStop(site, d, "from", "load at ", handover(LOAD));
        JsonNode tables = d.path("tables");
        if (!tables.isArray() || tables.isEmpty())
            throw new InvalidInputException("description.tables", "a non-empty array of place names is required");
        List<Stop> stops = new ArrayList<>(List.of(from));
        for (int i = 0; i < tables.size(); i++) {
            String name = tables.get(i).asText(null);
            Place p = place(site, name, "description.tables[" + i + "]");
            stops.add(Stop.at("serve at " + name, p.level(), p.waypoint(), handover(UNLOAD)));
        }
        stops.add(Stop.at("back to " + from.label().substring("load at ".length()), from.level(), from.waypoint()));
        return stops;
    }

    private Stop charge(Site site, JsonNode d) {
        String name = d.path("charger").asText(null);
        if (name == null) return new Stop("nearest charger", null, null, List.of(), List.of(Stop.StopAction.of("startCharging")));
        var charger = site.charger(name).orElseThrow(() -> new InvalidInputException("description.charger",
                "unknown charger \"" + name + "\"; known: " + site.chargers().stream().map(c -> c.name()).toList()));
        return Stop.at("charge at " + name, charger.level(), charger.waypoint(), Stop.StopAction.of("startCharging"));
    }

    private Stop disinfection(String siteId, JsonNode d) {
        String zoneId = d.path("zone").asText(null);
        if (zoneId == null) throw new InvalidInputException("description.zone", "the DISINFECTION zone to cover is required");
        Zone zone = zones.zone(siteId, zoneId).orElseThrow(() -> new InvalidInputException("description.zone",
                "no zone \"" + zoneId + "\" at site " + siteId));
        if (zone.kind() != ZoneKind.DISINFECTION)
            throw new InvalidInputException("description.zone", "zone \"" + zoneId + "\" is " + zone.kind()
                    + ", not a DISINFECTION zone");
        double spacing = d.path("spacing").asDouble(1.0);
        if (!(spacing >= 0.3 && spacing <= 5))
            throw new InvalidInputException("description.spacing", "must be 0.3..5 m, got " + d.path("spacing"));
        List<double[]> path = CoveragePath.inside(zone.geometry(), spacing);
        if (path.size() < 2) throw new InvalidInputException("description.zone", "zone \"" + zoneId
                + "\" is too small for a coverage path at " + spacing + " m spacing");
        return new Stop("disinfect " + zoneId, zone.level(), null, path, List.of());
    }

    private Stop placeStop(Site site, JsonNode d, String field, String label, Stop.StopAction action) {
        JsonNode holder = field == null ? d : d.path(field);
        String path = field == null ? "description.place" : "description." + field + ".place";
        String name = holder.path("place").asText(null);
        if (name == null) throw new InvalidInputException(path, "a place name is required");
        Place p = place(site, name, path);
        return action == null ? Stop.at(label + name, p.level(), p.waypoint()) : Stop.at(label + name, p.level(), p.waypoint(), action);
    }

    private static Place place(Site site, String name, String path) {
        if (name == null) throw new InvalidInputException(path, "a place name is required");
        return site.place(name).orElseThrow(() -> new InvalidInputException(path, "unknown place \"" + name
                + "\" at site " + site.id()));
    }

    private static Stop.StopAction handover(String role) {
        return new Stop.StopAction("trayHandover", Map.of("role", role));
    }
}
