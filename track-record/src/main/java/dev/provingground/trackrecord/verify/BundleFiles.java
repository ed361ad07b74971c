package dev.provingground.trackrecord.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.provingground.trackrecord.checkpoint.NoteVerificationException;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.export.BundleLayout;
import dev.provingground.trackrecord.kpi.KpiScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a bundle, read defensively: every problem is a {@link BundleProblem} naming the file and field.
 * Small files are capped at {@value #MAX_SMALL_FILE} bytes; events.jsonl and leaf-hashes.bin are only ever streamed.
 */
final class BundleFiles implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    static final long MAX_SMALL_FILE = 16L << 20;

    private final ZipFile zip;

    private BundleFiles(ZipFile zip) {
        this.zip = zip;
    }

    /** Opens the zip and refuses one that names a file twice: another tool might show the copy not checked. */
    static BundleFiles open(Path bundle) throws IOException {
        ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8);
        Set<String> names = new HashSet<>();
        for (var entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!names.add(name)) {
                zip.close();
                throw new BundleProblem(name + ": appears twice in the bundle");
            }
        }
        return new BundleFiles(zip);
    }

    /** Every entry name, in the zip's order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (var entries = zip.entries(); entries.hasMoreElements(); ) {
            names.add(entries.nextElement().getName());
        }
        return names;
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** Size of an entry as the zip directory records it, or -1 when the entry is absent. */
    long size(String name) {
        ZipEntry entry = zip.getEntry(name);
        return entry == null ? -1 : entry.getSize();
    }

    SignedCheckpoint signedCheckpoint(String name, VerifierKey key) throws IOException {
        String note = text(name);
        try {
            return SignedCheckpoint.verify(note, key);
        } catch (NoteVerificationException e) {
            throw new BundleProblem(name + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(name + ": not a valid signed checkpoint: " + e.getMessage());
        }
    }

    BundleManifest manifest() throws IOException {
        String file = BundleLayout.MANIFEST;
        JsonNode root = json(file);
        int version = root.path("version").asInt(-1);
        if (!BundleLayout.FORMAT.equals(root.path("format").asText(null)) || version < 1 || version > BundleLayout.VERSION) {
            throw new BundleProblem(file + ": not a " + BundleLayout.FORMAT + " version 1 to " + BundleLayout.VERSION
                    + " manifest");
        }
        String origin = root.path("origin").asText(null);
        if (origin == null) {
            throw new BundleProblem(file + ": origin is missing");
        }
        long treeSize = requiredLong(root, "treeSize", file);
        long start = requiredLong(root.path("range"), "start", file + " range");
        long end = requiredLong(root.path("range"), "end", file + " range");
        if (start < 0 || start > end || end > treeSize) {
            throw new BundleProblem(file + ": range [" + start + ", " + end + ") does not fit the tree size " + treeSize);
        }
        JsonNode scopeNode = root.path("scope");
        Instant from = time(scopeNode.path("from"), file + " scope.from");
        Instant to = time(scopeNode.path("to"), file + " scope.to");
        Set<String> robots = new HashSet<>();
        scopeNode.path("robots").forEach(robot -> robots.add(robot.asText()));
        KpiScope scope;
        try {
            scope = new KpiScope(from, to, robots);
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(file + ": scope: " + e.getMessage());
        }
        JsonNode since = root.path("sinceTreeSize");
        Long sinceTreeSize = since.isMissingNode() || since.isNull() ? null : requiredLong(root, "sinceTreeSize", file);
        JsonNode period = root.path("period");
        if (version >= 2 && !period.isObject()) throw new BundleProblem(file + ": period is missing");
        return new BundleManifest(version, origin, treeSize, start, end, scope, sinceTreeSize, period);
    }

    List<byte[]> rangeProof(BundleManifest manifest) throws IOException {
        String file = BundleLayout.RANGE_PROOF;
        JsonNode root = json(file);
        long treeSize = requiredLong(root, "treeSize", file);
        long start = requiredLong(root, "start", file);
        long end = requiredLong(root, "end", file);
        if (treeSize != manifest.treeSize() || start != manifest.start() || end != manifest.end()) {
            throw new BundleProblem(file + ": covers [" + start + ", " + end + ") of " + treeSize + ", but manifest.json says ["
                    + manifest.start() + ", " + manifest.end() + ") of " + manifest.treeSize());
        }
        return hashes(root.path("outsideHashes"), file, "outsideHashes");
    }

    static List<byte[]> hashes(JsonNode array, String file, String field) {
        if (!array.isArray()) {
            throw new BundleProblem(file + ": " + field + " must be an array of hex hashes");
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String hex = array.get(i).asText("");
            byte[] hash;
            try {
                hash = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new BundleProblem(file + ": " + field + "[" + i + "] is not hex: '" + hex + "'");
            }
            if (hash.length != 32) {
                throw new BundleProblem(file + ": " + field + "[" + i + "] is " + hash.length + " bytes, not 32");
            }
            out.add(hash);
        }
        return out;
    }

    static long requiredLong(JsonNode node, String field, String file) {
        JsonNode value = node.path(field);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new BundleProblem(file + ": " + field + " must be a non-negative integer");
        }
        return value.asLong();
    }

    private static Instant time(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return EventCodec.parseTime(node.asText());
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(where + ": " + e.getMessage());
        }
    }

    JsonNode json(String name) throws IOException {
        byte[] content = bytes(name, MAX_SMALL_FILE);
        try {
            JsonNode root = JSON.readTree(content);
            if (root == null || !root.isObject()) {
                throw new BundleProblem(name + ": must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new BundleProblem(name + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    String text(String name) throws IOException {
        byte[] content = bytes(name, MAX_SMALL_FILE);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleProblem(name + ": not valid UTF-8");
        }
    }

    InputStream stream(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BundleProblem(name + ": missing from the bundle");
        }
        return zip.getInputStream(entry);
    }

    byte[] bytes(String name, long limit) throws IOException {
        try (InputStream in = stream(name)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                total += read;
                if (total > limit) {
                    throw new BundleProblem(name + ": larger than " + limit + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
