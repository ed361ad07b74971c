package dev.provingground.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.provingground.documents.DocumentException;
import dev.provingground.documents.DocumentProblem;
import dev.provingground.documents.DocumentSchema;
import dev.provingground.documents.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes site files (JSON; the format is described in {@code docs/SITE-FORMAT.md}).
 *
 * <p>Reading checks the whole file and throws one {@link SiteValidationException} listing every problem
 * with its JSON path. Writing puts every field explicitly, defaults included, so a written file reads back
 * to an equal {@link Site}.
 */
public final class SiteFormat {

    /** Writes files: indented, for people to read and edit. */
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** The published schema (docs/schemas/site.schema.json), packaged with this module: one file, no copy. */
    private static final DocumentSchema SCHEMA = DocumentSchema.fromClasspath(SiteFormat.class,
            "/dev/provingground/site/schema/site.schema.json");

    private SiteFormat() {
    }

    /**
     * Reads a site and closes the stream.
     *
     * @param sourceName names the input in problem messages, e.g. the file name or the request
     * @throws SiteValidationException when the input is not valid JSON or not a valid site
     * @throws UncheckedIOException    when the stream cannot be read
     */
    public static Site read(InputStream in, String sourceName) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(in, () -> "no input stream for site " + sourceName);
        try (in) {
            return read(in.readAllBytes(), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read site " + sourceName + ": " + e.getMessage(), e);
        }
    }

    /** Reads a site file; problems name the file by its path. */
    public static Site read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read site file " + file + ": " + e, e);
        }
    }

    /**
     * Reads a site from JSON bytes, such as a request body or a stored version: read exactly, checked against the
     * published schema (form: fields, types, bounds), bound to {@link SiteDocument} and checked for meaning
     * ({@link SiteChecks}: references, duplicates).
     */
    public static Site read(byte[] json, String sourceName) {
        Objects.requireNonNull(sourceName, "sourceName");
        SiteDocument document;
        try {
            JsonNode tree = StrictJson.parse(json);
            SCHEMA.require(tree);
            document = StrictJson.bind(tree, SiteDocument.class);
        } catch (DocumentException e) {
            throw SiteValidationException.in(sourceName, e.problems().stream().map(DocumentProblem::toString).toList());
        }
        return SiteChecks.check(document, sourceName);
    }

    /** The site as UTF-8 JSON, indented, fields in a fixed order. */
    public static byte[] write(Site site) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", site.id());
        root.put("name", site.name());
        root.put("timeZone", site.timeZone().getId());
        if (site.geoAnchor() != null) {
            ObjectNode anchor = root.putObject("geoAnchor");
            anchor.put("latitude", site.geoAnchor().latitude());
            anchor.put("longitude", site.geoAnchor().longitude());
            anchor.put("rotationDeg", site.geoAnchor().rotationDeg());
        }
        ArrayNode levels = root.putArray("levels");
        site.levels().forEach(level -> writeLevel(level, levels.addObject()));
        ArrayNode places = root.putArray("places");
        site.places().forEach(p -> writeStop(p.name(), p.level(), p.waypoint(), places.addObject()));
        ArrayNode chargers = root.putArray("chargers");
        site.chargers().forEach(c -> writeStop(c.name(), c.level(), c.waypoint(), chargers.addObject()));
        ArrayNode elevators = root.putArray("elevators");
        site.elevators().forEach(elevator -> writeElevator(elevator, elevators.addObject()));
        ArrayNode passages = root.putArray("passages");
        for (Passage passage : site.passages()) {
            ObjectNode node = passages.addObject();
            node.put("id", passage.id());
            node.put("from", passage.from());
            node.put("to", passage.to());
            node.put("oneWay", passage.oneWay());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write site " + site.id() + " as JSON", e);
        }
    }

    private static void writeFloorPlan(FloorPlan plan, ObjectNode level) {
        if (plan == null) {
            return;
        }
        ObjectNode node = level.putObject("floorPlan");
        node.put("image", plan.image());
        node.put("mediaType", plan.mediaType());
        node.put("widthPx", plan.widthPx());
        node.put("heightPx", plan.heightPx());
        node.put("metresPerPixel", plan.metresPerPixel());
        node.putObject("origin").put("x", plan.originX()).put("y", plan.originY());
    }

    private static void writeLevel(Level level, ObjectNode node) {
        node.put("id", level.id());
        node.put("name", level.name());
        node.put("floor", level.floor());
        node.put("outdoor", level.outdoor());
        ArrayNode waypoints = node.putArray("waypoints");
        for (Waypoint waypoint : level.waypoints()) {
            waypoints.addObject().put("id", waypoint.id()).put("x", waypoint.x()).put("y", waypoint.y());
        }
        ArrayNode lanes = node.putArray("lanes");
        writeFloorPlan(level.floorPlan(), node);
        for (Lane lane : level.lanes()) {
            ObjectNode laneNode = lanes.addObject();
            laneNode.put("from", lane.from());
            laneNode.put("to", lane.to());
            laneNode.put("oneWay", lane.oneWay());
            if (lane.speedLimit() != null) {
                laneNode.put("speedLimit", lane.speedLimit());
            }
            laneNode.put("kind", lane.kind().name());
        }
    }

    private static void writeStop(String name, String level, String waypoint, ObjectNode node) {
        node.put("name", name);
        node.put("level", level);
        node.put("waypoint", waypoint);
    }

    private static void writeElevator(Elevator elevator, ObjectNode node) {
        node.put("id", elevator.id());
        node.put("name", elevator.name());
        ArrayNode cars = node.putArray("cars");
        for (ElevatorCar car : elevator.cars()) {
            ObjectNode carNode = cars.addObject();
            carNode.put("id", car.id());
            ArrayNode levels = carNode.putArray("levels");
            car.levels().forEach(levels::add);
            ObjectNode doors = carNode.putObject("doorWaypoints");
            for (Map.Entry<String, String> door : car.doorWaypoints().entrySet()) {
                doors.put(door.getKey(), door.getValue());
            }
            carNode.put("capacityRobots", car.capacityRobots());
        }
    }
}
