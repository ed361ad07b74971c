package dev.provingground.trackrecord.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.trackrecord.checkpoint.NoteVerificationException;
import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.EventFormatException;
import dev.provingground.trackrecord.kpi.KpiAccumulator;
import dev.provingground.trackrecord.context.BundleContext;
import dev.provingground.trackrecord.context.ContextAccumulator;
import dev.provingground.trackrecord.context.ContextFiles;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.kpi.KpiFiles;
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.kpi.KpiScope;
import dev.provingground.trackrecord.merkle.MerkleTree;
import dev.provingground.trackrecord.store.LogReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an export bundle (see {@link BundleLayout} and the bundle's README.txt) from a snapshot of one log, up to the
 * log's latest signed checkpoint. Streams the events, so memory does not grow with the export.
 */
public final class BundleWriter {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int PROGRESS_EVERY = 4096;
    /** Every leaf starts with its type (EventCodec writes it first), so context leaves are found without parsing. */
    private static final byte[] CONFIG_CHANGE_PREFIX = "{\"type\":\"config.change\"".getBytes(StandardCharsets.UTF_8);

    private final EventCodec codec = new EventCodec();
    private final VerifierKey verifierKey;
    private final Duration timeSlack;
    private final Clock clock;

    public BundleWriter(VerifierKey verifierKey, Duration timeSlack, Clock clock) {
        this.verifierKey = verifierKey;
        this.timeSlack = timeSlack;
        this.clock = clock;
    }

    public ExportResult write(LogReader reader, ExportQuery query, OutputStream target, ProgressListener progress)
            throws IOException {
        SignedCheckpoint checkpoint = reader.checkpoint().orElseThrow(() ->
                new IllegalStateException(reader.logId() + " has no signed checkpoint yet; nothing can be exported"));
        long treeSize = checkpoint.treeSize();
        SignedCheckpoint since = query.sinceCheckpoint() == null ? null : checkSince(reader, query.sinceCheckpoint(), treeSize);
        long[] range = new ExportRange(reader, treeSize, timeSlack, codec).find(query.from(), query.to());
        long start = range[0];
        long end = range[1];
        MerkleTree tree = reader.tree();
        KpiScope scope = new KpiScope(query.from(), query.to(), query.robots());

        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        zip.setComment("Proving Ground track-record bundle " + reader.logId().origin() + " [" + start + ", " + end + ") of "
                + treeSize);
        put(zip, BundleLayout.CHECKPOINT, checkpoint.note().getBytes(StandardCharsets.UTF_8));
        put(zip, BundleLayout.VERIFIER_KEY, (verifierKey.encoded() + "\n").getBytes(StandardCharsets.UTF_8));

        ContextAccumulator context = new ContextAccumulator(reader.logId());
        writeContextLeaves(zip, reader, tree, treeSize, start, context);
        KpiAccumulator kpis = new KpiAccumulator(scope, context::registration);
        Instant[] firstAndLast = new Instant[2];
        zip.putNextEntry(new ZipEntry(BundleLayout.EVENTS));
        long total = end - start;
        progress.progress(0, total);
        reader.forEachEntry(start, end, (index, entry) -> {
            try {
                zip.write(entry);
                zip.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TrackEvent event = decode(reader, index, entry);
            context.accept(index, event);
            kpis.accept(event);
            if (firstAndLast[0] == null) firstAndLast[0] = event.time();
            firstAndLast[1] = event.time();
            long done = index - start + 1;
            if (done % PROGRESS_EVERY == 0) {
                progress.progress(done, total);
            }
        });
        zip.closeEntry();
        progress.progress(total, total);

        zip.putNextEntry(new ZipEntry(BundleLayout.LEAF_HASHES));
        reader.forEachLeafHash(start, end, (index, hashes, offset) -> {
            try {
                zip.write(hashes, offset, 32);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        zip.closeEntry();

        BundleContext bundleContext = context.context();
        Period period = period(query, firstAndLast, bundleContext);
        put(zip, BundleLayout.CONTEXT, ContextFiles.json(bundleContext));
        put(zip, BundleLayout.MANIFEST, manifest(reader, treeSize, start, end, scope, since, period));
        put(zip, BundleLayout.README, ReadmeText.render(reader.logId().origin(), treeSize, start, end, scope, since != null,
                verifierKey, period, bundleContext).getBytes(StandardCharsets.UTF_8));
        put(zip, BundleLayout.RANGE_PROOF, rangeProof(tree, treeSize, start, end));
        if (since != null) {
            put(zip, BundleLayout.SINCE_CHECKPOINT, since.note().getBytes(StandardCharsets.UTF_8));
            put(zip, BundleLayout.CONSISTENCY_PROOF, consistencyProof(tree, since.treeSize(), treeSize));
        }
        KpiReport report = kpis.report();
        put(zip, BundleLayout.KPIS_JSON, KpiFiles.json(report));
        put(zip, BundleLayout.KPIS_CSV, KpiFiles.csv(report));
        put(zip, BundleLayout.KPI_FORMULAS, KpiFiles.formulas());
        zip.finish();
        return new ExportResult(reader.logId(), treeSize, start, end, report);
    }

    /**
     * The configuration changes before the range (robot registrations, credential rotations, site, zone and elevator
     * changes), each with its inclusion proof against the checkpoint, so the context can be derived from proven leaves
     * even for a period that starts long after a robot was registered.
     */
    private void writeContextLeaves(ZipOutputStream zip, LogReader reader, MerkleTree tree, long treeSize, long start,
                                    ContextAccumulator context) throws IOException {
        ObjectNode proofs = JSON.createObjectNode();
        proofs.put("treeSize", treeSize);
        ArrayNode leaves = proofs.putArray("leaves");
        zip.putNextEntry(new ZipEntry(BundleLayout.CONTEXT_LEAVES));
        reader.forEachEntry(0, start, (index, entry) -> {
            if (!startsWith(entry, CONFIG_CHANGE_PREFIX)) return;
            TrackEvent event = decode(reader, index, entry);
            if (!ContextAccumulator.isContext(event)) return;
            context.accept(index, event);
            try {
                zip.write(entry);
                zip.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ObjectNode leaf = leaves.addObject();
            leaf.put("index", index);
            hexArray(leaf.putArray("path"), tree.inclusionPath(index, treeSize));
        });
        zip.closeEntry();
        put(zip, BundleLayout.CONTEXT_PROOFS, json(proofs));
    }

    private static boolean startsWith(byte[] entry, byte[] prefix) {
        return entry.length >= prefix.length && Arrays.equals(entry, 0, prefix.length, prefix, 0, prefix.length);
    }

    private TrackEvent decode(LogReader reader, long index, byte[] entry) {
        try {
            return codec.decode(entry);
        } catch (EventFormatException e) {
            throw new IllegalStateException(reader.logId() + ": leaf " + index + " is not a track event: "
                    + e.getMessage(), e);
        }
    }

    /** The zone the log's site definition names wins over the server's: it is what the record proves. */
    private static Period period(ExportQuery query, Instant[] firstAndLast, BundleContext context) {
        ZoneId zone = null;
        String source = null;
        if (context.timeZone() != null) {
            try {
                zone = ZoneId.of(context.timeZone());
                source = "log";
            } catch (DateTimeException e) {
                zone = null;
            }
        }
        if (zone == null && query.siteTimeZone() != null) {
            zone = query.siteTimeZone();
            source = "server";
        }
        return new Period(query.from(), query.to(), firstAndLast[0], firstAndLast[1], zone, source);
    }

    /** The recipient's checkpoint must be ours, for this log, no newer than the export, and agree with the tree. */
    private SignedCheckpoint checkSince(LogReader reader, String note, long treeSize) {
        SignedCheckpoint since;
        try {
            since = SignedCheckpoint.verify(note, verifierKey);
        } catch (NoteVerificationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("since checkpoint: " + e.getMessage(), e);
        }
        String origin = reader.logId().origin();
        if (!since.checkpoint().origin().equals(origin)) {
            throw new IllegalArgumentException("since checkpoint is for " + since.checkpoint().origin() + ", not " + origin);
        }
        if (since.treeSize() > treeSize) {
            throw new IllegalArgumentException("since checkpoint has " + since.treeSize()
                    + " leaves, more than the latest checkpoint (" + treeSize + ")");
        }
        byte[] root = reader.tree().root(since.treeSize());
        if (!Arrays.equals(root, since.checkpoint().rootHash())) {
            throw new IllegalArgumentException("since checkpoint's root does not match this log at size " + since.treeSize());
        }
        return since;
    }

    private byte[] manifest(LogReader reader, long treeSize, long start, long end, KpiScope scope, SignedCheckpoint since,
                            Period period) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", BundleLayout.FORMAT);
        root.put("version", BundleLayout.VERSION);
        root.put("origin", reader.logId().origin());
        root.put("treeSize", treeSize);
        ObjectNode range = root.putObject("range");
        range.put("start", start);
        range.put("end", end);
        ObjectNode scopeNode = root.putObject("scope");
        if (scope.from() == null) {
            scopeNode.putNull("from");
        } else {
            scopeNode.put("from", EventCodec.formatTime(scope.from()));
        }
        if (scope.to() == null) {
            scopeNode.putNull("to");
        } else {
            scopeNode.put("to", EventCodec.formatTime(scope.to()));
        }
        ArrayNode robots = scopeNode.putArray("robots");
        scope.sortedRobots().forEach(robots::add);
        if (since == null) {
            root.putNull("sinceTreeSize");
        } else {
            root.put("sinceTreeSize", since.treeSize());
        }
        period.write(root.putObject("period"));
        root.put("createdAt", EventCodec.formatTime(clock.instant()));
        return json(root);
    }

    private static byte[] rangeProof(MerkleTree tree, long treeSize, long start, long end) {
        ObjectNode root = JSON.createObjectNode();
        root.put("treeSize", treeSize);
        root.put("start", start);
        root.put("end", end);
        hexArray(root.putArray("outsideHashes"), tree.hashesOutsideRange(start, end, treeSize));
        return json(root);
    }

    private static byte[] consistencyProof(MerkleTree tree, long from, long to) {
        ObjectNode root = JSON.createObjectNode();
        root.put("fromSize", from);
        root.put("toSize", to);
        hexArray(root.putArray("proof"), tree.consistencyProof(from, to));
        return json(root);
    }

    private static void hexArray(ArrayNode array, List<byte[]> hashes) {
        for (byte[] hash : hashes) {
            array.add(HexFormat.of().formatHex(hash));
        }
    }

    private static byte[] json(ObjectNode node) {
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write bundle JSON", e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
