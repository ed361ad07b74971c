package dev.provingground.trackrecord.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.checkpoint.Checkpoint;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.EventFormatException;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.BundleLayout;
import dev.provingground.trackrecord.export.Period;
import dev.provingground.trackrecord.context.BundleContext;
import dev.provingground.trackrecord.context.ContextAccumulator;
import dev.provingground.trackrecord.context.RobotIdentity;
import dev.provingground.trackrecord.context.RobotRegistration;
import dev.provingground.trackrecord.kpi.KpiFiles;
import dev.provingground.trackrecord.kpi.KpiFold;
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.kpi.KpiVersions;
import java.time.Instant;
import java.util.function.Consumer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks an export bundle offline, with nothing but the bundle and, when the recipient pins it, the verifier key:
 * the checkpoint's signature, the signed root recomputed from events.jsonl and the range proof (with the verifier's
 * own {@link RfcMerkle}), any consistency proof, that every event belongs to the log, and the KPIs recomputed from
 * the events. Stops at the first problem and names its file and line.
 */
public final class BundleVerifier {

    /**
     * @param pinnedKey the key the recipient trusts; {@code null} to use the bundle's own verifier-key.txt (which
     *                  proves integrity but not who signed)
     */
    public VerifyResult verify(Path bundle, VerifierKey pinnedKey) {
        return verify(bundle, pinnedKey, BundleReading.NONE);
    }

    /**
     * Verifies the bundle and hands {@code reading} what it reads on the way; what {@code reading} gathered counts
     * only when the result is valid.
     */
    public VerifyResult verify(Path bundle, VerifierKey pinnedKey, BundleReading reading) {
        try (BundleFiles files = BundleFiles.open(bundle)) {
            if (files.has(BundleLayout.SITE_MANIFEST)) {
                if (reading != BundleReading.NONE) {
                    return VerifyResult.invalid(bundle + ": a site bundle holds one bundle per log; read each of them");
                }
                return new SiteBundleCheck(this).check(files, pinnedKey);
            }
            return check(files, pinnedKey, reading);
        } catch (BundleProblem problem) {
            return VerifyResult.invalid(problem.getMessage());
        } catch (IOException e) {
            return VerifyResult.invalid(bundle + ": cannot read the bundle as a zip file: " + e.getMessage());
        } catch (UncheckedIOException e) {
            return VerifyResult.invalid(bundle + ": cannot read the bundle: " + e.getCause().getMessage());
        }
    }

    private VerifyResult check(BundleFiles files, VerifierKey pinnedKey, BundleReading reading) throws IOException {
        VerifierKey bundleKey = null;
        if (files.has(BundleLayout.VERIFIER_KEY)) {
            String text = files.text(BundleLayout.VERIFIER_KEY);
            try {
                bundleKey = VerifierKey.parse(text);
            } catch (IllegalArgumentException e) {
                throw new BundleProblem(BundleLayout.VERIFIER_KEY + ": " + e.getMessage());
            }
        } else if (pinnedKey == null) {
            throw new BundleProblem(BundleLayout.VERIFIER_KEY + ": missing, and no key was given with --key");
        }
        VerifierKey key = pinnedKey != null ? pinnedKey : bundleKey;

        SignedCheckpoint checkpoint = files.signedCheckpoint(BundleLayout.CHECKPOINT, key);
        BundleManifest manifest = files.manifest();
        Checkpoint body = checkpoint.checkpoint();
        if (!manifest.origin().equals(body.origin())) {
            throw new BundleProblem(BundleLayout.MANIFEST + ": origin " + manifest.origin() + " differs from the checkpoint's "
                    + body.origin());
        }
        if (manifest.treeSize() != body.treeSize()) {
            throw new BundleProblem(BundleLayout.MANIFEST + ": treeSize " + manifest.treeSize() + " differs from the checkpoint's "
                    + body.treeSize());
        }
        LogId log;
        try {
            log = LogId.fromOrigin(body.origin());
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(BundleLayout.CHECKPOINT + ": " + e.getMessage());
        }
        List<byte[]> outside = files.rangeProof(manifest);
        reading.opened(new BundleFacts(body.origin(), body.treeSize(), manifest.start(), manifest.end(), manifest.scope(),
                checkpoint, key, pinnedKey != null, manifest.sinceTreeSize()));

        RfcMerkle merkle = new RfcMerkle();
        EventCodec codec = new EventCodec();
        ContextAccumulator context = new ContextAccumulator(log);
        if (manifest.hasContext()) new ContextLeafCheck(merkle, codec).check(files, manifest, body, log, context);
        KpiFold kpis = kpiFold(files, manifest, context);
        Instant[] firstAndLast = new Instant[2];
        String[] firstEventProblem = {null};
        byte[] root;
        boolean extraLines;
        JsonlLeaves leaves;
        try (InputStream events = files.stream(BundleLayout.EVENTS)) {
            leaves = new JsonlLeaves(events, merkle, (number, buffer, offset, length) -> {
                if (firstEventProblem[0] != null) {
                    return;
                }
                long leaf = manifest.start() + number - 1;
                String problem = eventProblem(codec, log, Arrays.copyOfRange(buffer, offset, offset + length), event -> {
                    context.accept(leaf, event);
                    kpis.accept(event);
                    reading.event(leaf, event);
                    if (firstAndLast[0] == null) firstAndLast[0] = event.time();
                    firstAndLast[1] = event.time();
                });
                if (problem != null) {
                    firstEventProblem[0] = BundleLayout.EVENTS + " line " + number + ": " + problem;
                }
            });
            root = rootOfRange(merkle, manifest, outside, leaves);
            extraLines = leaves.hasMoreLines();
        }
        if (leaves.ranOut() || extraLines || !Arrays.equals(root, body.rootHash())) {
            throw new BundleProblem(new LineLocator(merkle).locate(files, manifest, outside, body.rootHash(), root));
        }
        if (firstEventProblem[0] != null) {
            throw new BundleProblem(firstEventProblem[0]);
        }

        String consistency = "";
        if (manifest.sinceTreeSize() != null) {
            consistency = "; consistent with the checkpoint of size " + checkConsistency(files, merkle, key, checkpoint,
                    manifest.sinceTreeSize());
        }
        KpiReport recomputed = kpis.report();
        new KpiCheck().compare(files, recomputed, manifest.scope());
        String covers = "";
        if (manifest.hasContext()) {
            BundleContext derived = context.context();
            new ContextCheck().compare(files, derived);
            new PeriodCheck().check(manifest.period(), manifest.scope(), firstAndLast, derived);
            checkFormulas(files);
            covers = "; " + PeriodCheck.describe(manifest.period()) + "; " + describeRobots(derived);
            reading.contextVerified(derived, Period.fromJson(manifest.period()));
        }
        reading.kpisVerified(recomputed);

        long count = manifest.end() - manifest.start();
        String keyNote = pinnedKey != null ? "pinned key" : "key from the bundle, not pinned";
        String range = count == 0 ? "no events" : count + " events = leaves " + manifest.start() + ".." + (manifest.end() - 1);
        return VerifyResult.valid("VALID " + body.origin() + ": " + range + " of " + body.treeSize()
                + ", root matches the checkpoint signed by " + key.name() + "+" + HexFormat.of().formatHex(key.keyId())
                + " (" + keyNote + ")" + consistency + "; " + recomputed.metrics().size() + " KPIs (version "
                + recomputed.version() + ") match" + covers);
    }

    /**
     * The KPI computation of the version kpis.json declares; a version 2 bundle (one with context) must carry KPIs of
     * version 2 or later, a version 1 bundle those of version 1.
     */
    private static KpiFold kpiFold(BundleFiles files, BundleManifest manifest, ContextAccumulator context)
            throws IOException {
        int version;
        try {
            version = KpiFiles.parseJson(files.bytes(BundleLayout.KPIS_JSON, BundleFiles.MAX_SMALL_FILE)).version();
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(BundleLayout.KPIS_JSON + ": " + e.getMessage());
        }
        boolean fits = manifest.hasContext() ? version >= 2 : version == 1;
        if (!fits) {
            throw new BundleProblem(BundleLayout.KPIS_JSON + ": KPI version " + version + " in a bundle of version "
                    + manifest.version() + ", which carries KPI version " + (manifest.hasContext() ? "2 or later" : "1"));
        }
        return KpiVersions.fold(version, manifest.scope(), context::registration);
    }

    /** KPIS.md must be the formulas kpis.json names. */
    private static void checkFormulas(BundleFiles files) throws IOException {
        String named = KpiFiles.formulasSha256(files.bytes(BundleLayout.KPIS_JSON, BundleFiles.MAX_SMALL_FILE));
        if (named == null) throw new BundleProblem(BundleLayout.KPIS_JSON + ": formulas.sha256 is missing");
        String actual = KpiFiles.sha256(files.bytes(BundleLayout.KPI_FORMULAS, BundleFiles.MAX_SMALL_FILE));
        if (!actual.equals(named)) {
            throw new BundleProblem(BundleLayout.KPI_FORMULAS + ": SHA-256 " + actual + " is not the " + named
                    + " kpis.json names; the formulas were changed");
        }
    }

    private static String describeRobots(BundleContext context) {
        if (context.robots().isEmpty()) return "no robots";
        StringBuilder out = new StringBuilder("robots ");
        for (int i = 0; i < context.robots().size(); i++) {
            RobotIdentity robot = context.robots().get(i);
            if (i > 0) out.append(", ");
            out.append(robot.id());
            RobotRegistration r = robot.registration();
            out.append(r == null ? " (not registered in the log)"
                    : " (" + r.manufacturer() + " " + r.serialNumber() + ", " + r.modelName() + ")");
        }
        return out.toString();
    }

    private static byte[] rootOfRange(RfcMerkle merkle, BundleManifest manifest, List<byte[]> outside, RfcMerkle.LeafHashes leaves) {
        try {
            return merkle.rootOfRange(manifest.treeSize(), manifest.start(), manifest.end(), outside, leaves);
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(BundleLayout.RANGE_PROOF + ": " + e.getMessage());
        }
    }

    /** Decodes one event, checks it belongs to this log and counts it; returns what is wrong, or null. */
    private static String eventProblem(EventCodec codec, LogId log, byte[] line, Consumer<TrackEvent> counted) {
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
        counted.accept(event);
        return null;
    }

    private long checkConsistency(BundleFiles files, RfcMerkle merkle, VerifierKey key, SignedCheckpoint latest,
                                  long sinceTreeSize) throws IOException {
        SignedCheckpoint since = files.signedCheckpoint(BundleLayout.SINCE_CHECKPOINT, key);
        if (!since.checkpoint().origin().equals(latest.checkpoint().origin())) {
            throw new BundleProblem(BundleLayout.SINCE_CHECKPOINT + ": origin " + since.checkpoint().origin()
                    + " differs from the checkpoint's " + latest.checkpoint().origin());
        }
        if (since.treeSize() != sinceTreeSize) {
            throw new BundleProblem(BundleLayout.SINCE_CHECKPOINT + ": tree size " + since.treeSize()
                    + " differs from manifest.json's sinceTreeSize " + sinceTreeSize);
        }
        JsonNode proof = files.json(BundleLayout.CONSISTENCY_PROOF);
        long from = BundleFiles.requiredLong(proof, "fromSize", BundleLayout.CONSISTENCY_PROOF);
        long to = BundleFiles.requiredLong(proof, "toSize", BundleLayout.CONSISTENCY_PROOF);
        if (from != since.treeSize() || to != latest.treeSize()) {
            throw new BundleProblem(BundleLayout.CONSISTENCY_PROOF + ": proves sizes " + from + " to " + to + ", but the checkpoints are "
                    + since.treeSize() + " and " + latest.treeSize());
        }
        List<byte[]> hashes = BundleFiles.hashes(proof.path("proof"), BundleLayout.CONSISTENCY_PROOF, "proof");
        if (!merkle.verifyConsistency(from, to, since.checkpoint().rootHash(), latest.checkpoint().rootHash(), hashes)) {
            throw new BundleProblem(BundleLayout.CONSISTENCY_PROOF + ": does not prove that the tree of size " + from
                    + " is a prefix of the tree of size " + to);
        }
        return from;
    }
}
