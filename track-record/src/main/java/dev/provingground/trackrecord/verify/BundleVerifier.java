package dev.provingground.trackrecord.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.provingground.trackrecord.LogId;
import dev.provingground.trackrecord.checkpoint.Checkpoint;
import dev.provingground.trackrecord.checkpoint.NoteVerificationException;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.EventFormatException;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.BundleLayout;
import dev.provingground.trackrecord.kpi.KpiAccumulator;
import dev.provingground.trackrecord.kpi.KpiFiles;
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.kpi.KpiScope;
import dev.provingground.trackrecord.kpi.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an export bundle offline, with nothing but the bundle and, when the recipient pins it, the verifier key:
 * the checkpoint's signature, the signed root recomputed from events.jsonl and the range proof (with the verifier's
 * own {@link RfcMerkle}), any consistency proof, that every event belongs to the log, and the KPIs recomputed from
 * the events. Stops at the first problem and names its file and line.
 */
public final class BundleVerifier {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long MAX_SMALL_FILE = 16L << 20;

    /** A problem found; carries the message for {@link VerifyResult#firstProblem()}. */
    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private record Manifest(String origin, long treeSize, long start, long end, KpiScope scope, Long sinceTreeSize) {
    }

    /**
     * @param pinnedKey the key the recipient trusts; {@code null} to use the bundle's own verifier-key.txt (which
     *                  proves integrity but not who signed)
     */
    public VerifyResult verify(Path bundle, VerifierKey pinnedKey) {
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            return check(zip, pinnedKey);
        } catch (Problem problem) {
            return VerifyResult.invalid(problem.getMessage());
        } catch (IOException e) {
            return VerifyResult.invalid(bundle + ": cannot read the bundle as a zip file: " + e.getMessage());
        } catch (UncheckedIOException e) {
            return VerifyResult.invalid(bundle + ": cannot read the bundle: " + e.getCause().getMessage());
        }
    }

    private VerifyResult check(ZipFile zip, VerifierKey pinnedKey) throws IOException {
        VerifierKey bundleKey = null;
        if (zip.getEntry(BundleLayout.VERIFIER_KEY) != null) {
            String text = text(zip, BundleLayout.VERIFIER_KEY);
            try {
                bundleKey = VerifierKey.parse(text);
            } catch (IllegalArgumentException e) {
                throw new Problem(BundleLayout.VERIFIER_KEY + ": " + e.getMessage());
            }
        } else if (pinnedKey == null) {
            throw new Problem(BundleLayout.VERIFIER_KEY + ": missing, and no key was given with --key");
        }
        VerifierKey key = pinnedKey != null ? pinnedKey : bundleKey;

        SignedCheckpoint checkpoint = signedCheckpoint(zip, BundleLayout.CHECKPOINT, key);
        Manifest manifest = manifest(zip);
        Checkpoint body = checkpoint.checkpoint();
        if (!manifest.origin().equals(body.origin())) {
            throw new Problem(BundleLayout.MANIFEST + ": origin " + manifest.origin() + " differs from the checkpoint's "
                    + body.origin());
        }
        if (manifest.treeSize() != body.treeSize()) {
            throw new Problem(BundleLayout.MANIFEST + ": treeSize " + manifest.treeSize() + " differs from the checkpoint's "
                    + body.treeSize());
        }
        LogId log;
        try {
            log = LogId.fromOrigin(body.origin());
        } catch (IllegalArgumentException e) {
            throw new Problem(BundleLayout.CHECKPOINT + ": " + e.getMessage());
        }
        List<byte[]> outside = rangeProof(zip, manifest);

        RfcMerkle merkle = new RfcMerkle();
        EventCodec codec = new EventCodec();
        KpiAccumulator kpis = new KpiAccumulator(manifest.scope());
        String[] firstEventProblem = {null};
        byte[] root;
        boolean extraLines;
        JsonlLeaves leaves;
        try (InputStream events = stream(zip, BundleLayout.EVENTS)) {
            leaves = new JsonlLeaves(events, merkle, (number, buffer, offset, length) -> {
                if (firstEventProblem[0] != null) {
                    return;
                }
                String problem = eventProblem(codec, kpis, log, Arrays.copyOfRange(buffer, offset, offset + length));
                if (problem != null) {
                    firstEventProblem[0] = BundleLayout.EVENTS + " line " + number + ": " + problem;
                }
            });
            root = rootOfRange(merkle, manifest, outside, leaves);
            extraLines = leaves.hasMoreLines();
        }
        if (leaves.ranOut() || extraLines || !Arrays.equals(root, body.rootHash())) {
            throw new Problem(locate(zip, merkle, manifest, outside, body.rootHash(), root));
        }
        if (firstEventProblem[0] != null) {
            throw new Problem(firstEventProblem[0]);
        }

        String consistency = "";
        if (manifest.sinceTreeSize() != null) {
            consistency = "; consistent with the checkpoint of size " + checkConsistency(zip, merkle, key, checkpoint,
                    manifest.sinceTreeSize());
        }
        KpiReport recomputed = kpis.report();
        compareKpis(zip, recomputed, manifest.scope());

        long count = manifest.end() - manifest.start();
        String keyNote = pinnedKey != null ? "pinned key" : "key from the bundle, not pinned";
        String range = count == 0 ? "no events" : count + " events = leaves " + manifest.start() + ".." + (manifest.end() - 1);
        return VerifyResult.valid("VALID " + body.origin() + ": " + range + " of " + body.treeSize()
                + ", root matches the checkpoint signed by " + key.name() + "+" + HexFormat.of().formatHex(key.keyId())
                + " (" + keyNote + ")" + consistency + "; " + recomputed.metrics().size() + " KPIs match");
    }

    private static byte[] rootOfRange(RfcMerkle merkle, Manifest manifest, List<byte[]> outside, RfcMerkle.LeafHashes leaves) {
        try {
            return merkle.rootOfRange(manifest.treeSize(), manifest.start(), manifest.end(), outside, leaves);
        } catch (IllegalArgumentException e) {
            throw new Problem(BundleLayout.RANGE_PROOF + ": " + e.getMessage());
        }
    }

    /** Decodes one event, checks it belongs to this log and counts it; returns what is wrong, or null. */
    private static String eventProblem(EventCodec codec, KpiAccumulator kpis, LogId log, byte[] line) {
        TrackEvent event;
        try {
            event = codec.decode(line);
        } catch (EventFormatException e) {
            return "not a valid track event: " + e.getMessage();
        }
        if (!event.site().equals(log.site())) {
            return "event of site " + event.site() + " cannot be in log " + log.origin();
        }
        if (event.firm() != null && !event.firm().equals(log.firm())) {
            return "event of firm " + event.firm() + " cannot be in log " + log.origin();
        }
        kpis.accept(event);
        return null;
    }

    /**
     * The root did not match: name the first line that differs, using leaf-hashes.bin once it is shown to
     * reproduce the signed root itself.
     */
    private String locate(ZipFile zip, RfcMerkle merkle, Manifest manifest, List<byte[]> outside, byte[] signedRoot,
                          byte[] eventsRoot) throws IOException {
        long expected = manifest.end() - manifest.start();
        String mismatch = BundleLayout.EVENTS + ": the events do not reproduce the signed root (recomputed "
                + HexFormat.of().formatHex(eventsRoot) + ", signed " + HexFormat.of().formatHex(signedRoot) + ")";
        ZipEntry listedEntry = zip.getEntry(BundleLayout.LEAF_HASHES);
        if (listedEntry == null) {
            return mismatch + "; leaf-hashes.bin is absent, so the line cannot be named";
        }
        if (listedEntry.getSize() != expected * 32) {
            return mismatch + "; leaf-hashes.bin has " + listedEntry.getSize() + " bytes instead of " + expected * 32
                    + ", so the line cannot be named";
        }
        byte[] listedRoot;
        try (InputStream listed = zip.getInputStream(listedEntry)) {
            listedRoot = merkle.rootOfRange(manifest.treeSize(), manifest.start(), manifest.end(), outside,
                    (out, offset) -> System.arraycopy(readHash(listed), 0, out, offset, 32));
        }
        if (!Arrays.equals(listedRoot, signedRoot)) {
            return mismatch + "; range-proof.json or leaf-hashes.bin was altered as well, so the line cannot be named";
        }
        try (InputStream events = stream(zip, BundleLayout.EVENTS); InputStream listed = zip.getInputStream(listedEntry)) {
            JsonlLeaves lines = new JsonlLeaves(events, merkle, (number, buffer, offset, length) -> { });
            for (long i = 0; i < expected; i++) {
                byte[] hash = lines.next();
                if (lines.ranOut()) {
                    return BundleLayout.EVENTS + " line " + (i + 1) + ": missing; the signed range holds " + expected
                            + " leaves but the file ends after " + i + " lines";
                }
                if (!Arrays.equals(hash, readHash(listed))) {
                    return BundleLayout.EVENTS + " line " + (i + 1) + ": does not match leaf " + (manifest.start() + i)
                            + " of the signed log (changed, removed, inserted or reordered)";
                }
            }
            if (lines.hasMoreLines()) {
                return BundleLayout.EVENTS + " line " + (expected + 1) + ": extra line; " + (expected == 0
                        ? "the signed range is empty"
                        : "the signed range ends at leaf " + (manifest.end() - 1) + " (line " + expected + ")");
            }
        }
        return mismatch;
    }

    private static byte[] readHash(InputStream in) {
        try {
            byte[] hash = in.readNBytes(32);
            return hash.length == 32 ? hash : new byte[32];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long checkConsistency(ZipFile zip, RfcMerkle merkle, VerifierKey key, SignedCheckpoint latest,
                                  long sinceTreeSize) throws IOException {
        SignedCheckpoint since = signedCheckpoint(zip, BundleLayout.SINCE_CHECKPOINT, key);
        if (!since.checkpoint().origin().equals(latest.checkpoint().origin())) {
            throw new Problem(BundleLayout.SINCE_CHECKPOINT + ": origin " + since.checkpoint().origin()
                    + " differs from the checkpoint's " + latest.checkpoint().origin());
        }
        if (since.treeSize() != sinceTreeSize) {
            throw new Problem(BundleLayout.SINCE_CHECKPOINT + ": tree size " + since.treeSize()
                    + " differs from manifest.json's sinceTreeSize " + sinceTreeSize);
        }
        JsonNode proof = json(zip, BundleLayout.CONSISTENCY_PROOF);
        long from = requiredLong(proof, "fromSize", BundleLayout.CONSISTENCY_PROOF);
        long to = requiredLong(proof, "toSize", BundleLayout.CONSISTENCY_PROOF);
        if (from != since.treeSize() || to != latest.treeSize()) {
            throw new Problem(BundleLayout.CONSISTENCY_PROOF + ": proves sizes " + from + " to " + to + ", but the checkpoints are "
                    + since.treeSize() + " and " + latest.treeSize());
        }
        List<byte[]> hashes = hashes(proof.path("proof"), BundleLayout.CONSISTENCY_PROOF, "proof");
        if (!merkle.verifyConsistency(from, to, since.checkpoint().rootHash(), latest.checkpoint().rootHash(), hashes)) {
            throw new Problem(BundleLayout.CONSISTENCY_PROOF + ": does not prove that the tree of size " + from
                    + " is a prefix of the tree of size " + to);
        }
        return from;
    }

    private void compareKpis(ZipFile zip, KpiReport recomputed, KpiScope scope) throws IOException {
        KpiReport claimed;
        try {
            claimed = KpiFiles.parseJson(bytes(zip, BundleLayout.KPIS_JSON, MAX_SMALL_FILE));
        } catch (IllegalArgumentException e) {
            throw new Problem(BundleLayout.KPIS_JSON + ": " + e.getMessage());
        }
        if (!Objects.equals(claimed.scope(), scope)) {
            throw new Problem(BundleLayout.KPIS_JSON + ": scope " + describe(claimed.scope()) + " differs from manifest.json's "
                    + describe(scope));
        }
        if (claimed.eventsInScope() != recomputed.eventsInScope()) {
            throw new Problem(BundleLayout.KPIS_JSON + ": eventsInScope is " + claimed.eventsInScope()
                    + " but the events give " + recomputed.eventsInScope());
        }
        List<Metric> expected = recomputed.metrics();
        List<Metric> found = claimed.metrics();
        for (int i = 0; i < Math.max(expected.size(), found.size()); i++) {
            if (i >= found.size()) {
                throw new Problem(BundleLayout.KPIS_JSON + ": metric " + expected.get(i).name() + " is missing");
            }
            if (i >= expected.size()) {
                throw new Problem(BundleLayout.KPIS_JSON + ": metric " + found.get(i).name() + " is not one this verifier knows");
            }
            Metric want = expected.get(i);
            Metric got = found.get(i);
            if (!want.name().equals(got.name()) || !want.unit().equals(got.unit())) {
                throw new Problem(BundleLayout.KPIS_JSON + ": metrics[" + i + "] is " + got.name() + " (" + got.unit()
                        + "), expected " + want.name() + " (" + want.unit() + ")");
            }
            boolean same = want.value() == null ? got.value() == null
                    : got.value() != null && want.value().compareTo(got.value()) == 0;
            if (!same) {
                throw new Problem(BundleLayout.KPIS_JSON + ": " + want.name() + " is " + display(got) + " but the events give "
                        + display(want));
            }
        }
        String[] csv = text(zip, BundleLayout.KPIS_CSV).split("\n", -1);
        String[] want = new String(KpiFiles.csv(recomputed), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(csv.length, want.length); i++) {
            String got = i < csv.length ? csv[i] : "(missing)";
            String expectedLine = i < want.length ? want[i] : "(nothing)";
            if (!got.equals(expectedLine)) {
                throw new Problem(BundleLayout.KPIS_CSV + " line " + (i + 1) + ": '" + got + "' but the events give '"
                        + expectedLine + "'");
            }
        }
    }

    private static String display(Metric metric) {
        return metric.value() == null ? "undefined" : metric.value().toPlainString();
    }

    private static String describe(KpiScope scope) {
        return "[" + (scope.from() == null ? "-" : EventCodec.formatTime(scope.from())) + ", "
                + (scope.to() == null ? "-" : EventCodec.formatTime(scope.to())) + ") robots " + scope.sortedRobots();
    }

    private SignedCheckpoint signedCheckpoint(ZipFile zip, String name, VerifierKey key) throws IOException {
        String note = text(zip, name);
        try {
            return SignedCheckpoint.verify(note, key);
        } catch (NoteVerificationException e) {
            throw new Problem(name + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Problem(name + ": not a valid signed checkpoint: " + e.getMessage());
        }
    }

    private Manifest manifest(ZipFile zip) throws IOException {
        String file = BundleLayout.MANIFEST;
        JsonNode root = json(zip, file);
        if (!BundleLayout.FORMAT.equals(root.path("format").asText(null)) || root.path("version").asInt(-1) != BundleLayout.VERSION) {
            throw new Problem(file + ": not a " + BundleLayout.FORMAT + " version " + BundleLayout.VERSION + " manifest");
        }
        String origin = root.path("origin").asText(null);
        if (origin == null) {
            throw new Problem(file + ": origin is missing");
        }
        long treeSize = requiredLong(root, "treeSize", file);
        long start = requiredLong(root.path("range"), "start", file + " range");
        long end = requiredLong(root.path("range"), "end", file + " range");
        if (start < 0 || start > end || end > treeSize) {
            throw new Problem(file + ": range [" + start + ", " + end + ") does not fit the tree size " + treeSize);
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
            throw new Problem(file + ": scope: " + e.getMessage());
        }
        JsonNode since = root.path("sinceTreeSize");
        Long sinceTreeSize = since.isMissingNode() || since.isNull() ? null : requiredLong(root, "sinceTreeSize", file);
        return new Manifest(origin, treeSize, start, end, scope, sinceTreeSize);
    }

    private List<byte[]> rangeProof(ZipFile zip, Manifest manifest) throws IOException {
        String file = BundleLayout.RANGE_PROOF;
        JsonNode root = json(zip, file);
        long treeSize = requiredLong(root, "treeSize", file);
        long start = requiredLong(root, "start", file);
        long end = requiredLong(root, "end", file);
        if (treeSize != manifest.treeSize() || start != manifest.start() || end != manifest.end()) {
            throw new Problem(file + ": covers [" + start + ", " + end + ") of " + treeSize + ", but manifest.json says ["
                    + manifest.start() + ", " + manifest.end() + ") of " + manifest.treeSize());
        }
        return hashes(root.path("outsideHashes"), file, "outsideHashes");
    }

    private static List<byte[]> hashes(JsonNode array, String file, String field) {
        if (!array.isArray()) {
            throw new Problem(file + ": " + field + " must be an array of hex hashes");
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String hex = array.get(i).asText("");
            byte[] hash;
            try {
                hash = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new Problem(file + ": " + field + "[" + i + "] is not hex: '" + hex + "'");
            }
            if (hash.length != 32) {
                throw new Problem(file + ": " + field + "[" + i + "] is " + hash.length + " bytes, not 32");
            }
            out.add(hash);
        }
        return out;
    }

    private static long requiredLong(JsonNode node, String field, String file) {
        JsonNode value = node.path(field);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new Problem(file + ": " + field + " must be a non-negative integer");
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
            throw new Problem(where + ": " + e.getMessage());
        }
    }

    private static JsonNode json(ZipFile zip, String name) throws IOException {
        byte[] content = bytes(zip, name, MAX_SMALL_FILE);
        try {
            JsonNode root = JSON.readTree(content);
            if (root == null || !root.isObject()) {
                throw new Problem(name + ": must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new Problem(name + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String text(ZipFile zip, String name) throws IOException {
        byte[] content = bytes(zip, name, MAX_SMALL_FILE);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Problem(name + ": not valid UTF-8");
        }
    }

    private static InputStream stream(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new Problem(name + ": missing from the bundle");
        }
        return zip.getInputStream(entry);
    }

    private static byte[] bytes(ZipFile zip, String name, long limit) throws IOException {
        try (InputStream in = stream(zip, name)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                total += read;
                if (total > limit) {
                    throw new Problem(name + ": larger than " + limit + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }
}
