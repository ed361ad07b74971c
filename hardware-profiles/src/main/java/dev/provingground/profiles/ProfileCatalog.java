package dev.provingground.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The robot models the server and the simulator know, by id. Loading is all or nothing: one bad file fails the
 * whole load with a {@link ProfileLoadException} naming it, so a half-loaded catalog never reaches dispatch.
 */
public final class ProfileCatalog {

    /** Where the shipped profiles live on the classpath, and the file listing them (a classpath cannot be listed). */
    static final String RESOURCE_DIRECTORY = "dev/provingground/profiles/";
    static final String INDEX = RESOURCE_DIRECTORY + "index.txt";
    /** The JSON Schema every profile is checked against, on the classpath (published as docs/schemas/hardware-profile.schema.json). */
    public static final String SCHEMA_RESOURCE = "/" + RESOURCE_DIRECTORY + "schema/hardware-profile.schema.json";

    private final Map<String, HardwareProfile> profiles;
    /** Which file each profile came from, to name both files when an id turns up twice. */
    private final Map<String, String> origins;

    private ProfileCatalog(Map<String, HardwareProfile> profiles, Map<String, String> origins) {
        this.profiles = Collections.unmodifiableMap(profiles);
        this.origins = Collections.unmodifiableMap(origins);
    }

    /** The profiles shipped with this module. */
    public static ProfileCatalog builtIn() {
        return BuiltIn.get();
    }

    /** Every {@code *.json} file directly in {@code directory}, in file-name order. */
    public static ProfileCatalog load(Path directory) {
        return new Builder().addDirectory(directory).build();
    }

    /**
     * This catalog plus every {@code *.json} file in {@code directory}, e.g. a site's own models beside the
     * built-in ones. An id already in this catalog is an error naming both files, never a silent override.
     */
    public ProfileCatalog withProfilesFrom(Path directory) {
        return new Builder(this).addDirectory(directory).build();
    }

    public Optional<HardwareProfile> find(String id) {
        return Optional.ofNullable(profiles.get(id));
    }

    /** The profile with this id, or an exception naming the id and every known id. */
    public HardwareProfile require(String id) {
        HardwareProfile profile = profiles.get(id);
        if (profile == null) {
            throw new NoSuchElementException("unknown hardware profile \"" + id + "\"; known profiles: "
                    + String.join(", ", profiles.keySet()));
        }
        return profile;
    }

    /** All profiles, in the order they were loaded. */
    public List<HardwareProfile> all() {
        return List.copyOf(profiles.values());
    }

    /** Collects profiles, refusing a second profile with an id already taken. */
    private static final class Builder {

        private final Map<String, HardwareProfile> profiles = new LinkedHashMap<>();
        private final Map<String, String> origins = new LinkedHashMap<>();
        private final ProfileReader reader = new ProfileReader();

        Builder() {
        }

        Builder(ProfileCatalog start) {
            profiles.putAll(start.profiles);
            origins.putAll(start.origins);
        }

        Builder addDirectory(Path directory) {
            String where = directory.toString();
            if (!Files.isDirectory(directory)) {
                throw new ProfileLoadException(where, null, "not a directory");
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
                stream.forEach(file -> {
                    if (Files.isRegularFile(file)) {
                        files.add(file);
                    }
                });
            } catch (IOException e) {
                throw new ProfileLoadException(where, null, "cannot list profile files: " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new ProfileLoadException(where, null, "contains no *.json profile files");
            }
            files.sort(null);
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new ProfileLoadException(fileName, null, "cannot read: " + e.getMessage(), e);
                }
                add(fileName, file.toString(), bytes);
            }
            return this;
        }

        void add(String fileName, String origin, byte[] bytes) {
            HardwareProfile profile = reader.read(fileName, bytes);
            String earlier = origins.putIfAbsent(profile.id(), origin);
            if (earlier != null) {
                throw new ProfileLoadException(fileName, "id", "duplicate id \"" + profile.id() + "\", already used by " + earlier);
            }
            profiles.put(profile.id(), profile);
        }

        ProfileCatalog build() {
            return new ProfileCatalog(new LinkedHashMap<>(profiles), new LinkedHashMap<>(origins));
        }
    }

    /**
     * Loaded once, on first success: the shipped files never change at run time. Not a static initializer, so
     * that a broken shipped file reports its ProfileLoadException on every call, not a NoClassDefFoundError.
     */
    private static final class BuiltIn {

        private static ProfileCatalog catalog;

        static synchronized ProfileCatalog get() {
            if (catalog == null) {
                catalog = loadFromClasspath();
            }
            return catalog;
        }

        private static ProfileCatalog loadFromClasspath() {
            ClassLoader loader = ProfileCatalog.class.getClassLoader();
            Builder builder = new Builder();
            for (String fileName : indexedFiles(loader)) {
                builder.add(fileName, fileName + " (built-in)", resource(loader, RESOURCE_DIRECTORY + fileName, fileName));
            }
            return builder.build();
        }

        private static List<String> indexedFiles(ClassLoader loader) {
            String index = new String(resource(loader, INDEX, INDEX), StandardCharsets.UTF_8);
            List<String> files = new ArrayList<>();
            for (String line : index.split("\\R")) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    files.add(entry);
                }
            }
            return files;
        }

        private static byte[] resource(ClassLoader loader, String name, String fileName) {
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new ProfileLoadException(fileName, null, "missing from the classpath (" + name + ")");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath resource " + name, e);
            }
        }
    }
}
