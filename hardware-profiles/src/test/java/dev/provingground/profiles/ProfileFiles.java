package dev.provingground.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the shipped profile files, to change one thing in and write where a test loads them from. */
final class ProfileFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private ProfileFiles() {
    }

    /** The shipped file for {@code id}, as written. */
    static byte[] shippedBytes(String id) {
        String resource = ProfileCatalog.RESOURCE_DIRECTORY + id + ".json";
        try (InputStream in = ProfileFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no shipped profile " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutable copy of the shipped profile {@code id}. */
    static ObjectNode shipped(String id) {
        try {
            return (ObjectNode) JSON.readTree(shippedBytes(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a dotted path such as {@code factsheet.physicalParameters}. */
    static ObjectNode at(ObjectNode root, String dottedPath) {
        JsonNode node = root;
        for (String part : dottedPath.split("\\.")) {
            node = node.get(part);
        }
        return (ObjectNode) node;
    }

    static Path write(Path directory, String fileName, JsonNode profile) {
        return write(directory, fileName, profile.toPrettyString());
    }

    static Path write(Path directory, String fileName, String content) {
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(fileName), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped sidewalk robot with its masses changed; keeps the factsheet's maxLoadMass in step. */
    static ObjectNode sidewalkRobot(double massEmptyKg, double maxPayloadKg, double speedMaxMps) {
        ObjectNode profile = shipped("sidewalk-delivery");
        at(profile, "service").put("massEmptyKg", massEmptyKg).put("maxPayloadKg", maxPayloadKg);
        at(profile, "factsheet.typeSpecification").put("maxLoadMass", maxPayloadKg);
        at(profile, "factsheet.physicalParameters").put("speedMax", speedMaxMps);
        return profile;
    }
}
