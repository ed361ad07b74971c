package dev.provingground.trackrecord.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.checkpoint.Checkpoint;
import dev.provingground.trackrecord.context.ContextAccumulator;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.EventFormatException;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.BundleLayout;
import dev.provingground.trackrecord.log.LogId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Proves the context leaves (config.change leaves before the exported range) with their inclusion proofs against the
 * signed checkpoint, and feeds them, in log order, to the context the verifier derives.
 */
final class ContextLeafCheck {

    private final RfcMerkle merkle;
    private final EventCodec codec;

    ContextLeafCheck(RfcMerkle merkle, EventCodec codec) {
        this.merkle = merkle;
        this.codec = codec;
    }

    void check(BundleFiles files, BundleManifest manifest, Checkpoint checkpoint, LogId log, ContextAccumulator context)
            throws IOException {
        JsonNode proofs = files.json(BundleLayout.CONTEXT_PROOFS);
        long treeSize = BundleFiles.requiredLong(proofs, "treeSize", BundleLayout.CONTEXT_PROOFS);
        if (treeSize != checkpoint.treeSize()) {
            throw new BundleProblem(BundleLayout.CONTEXT_PROOFS + ": proves against a tree of " + treeSize
                    + " leaves, but the checkpoint has " + checkpoint.treeSize());
        }
        JsonNode leaves = proofs.path("leaves");
        if (!leaves.isArray()) throw new BundleProblem(BundleLayout.CONTEXT_PROOFS + ": leaves must be an array");
        List<byte[]> lines = lines(files.bytes(BundleLayout.CONTEXT_LEAVES, BundleFiles.MAX_SMALL_FILE));
        if (lines.size() != leaves.size()) {
            throw new BundleProblem(BundleLayout.CONTEXT_LEAVES + ": has " + lines.size() + " lines but "
                    + BundleLayout.CONTEXT_PROOFS + " proves " + leaves.size());
        }
        long previous = -1;
        for (int i = 0; i < lines.size(); i++) {
            String where = BundleLayout.CONTEXT_LEAVES + " line " + (i + 1);
            JsonNode proof = leaves.get(i);
            long index = BundleFiles.requiredLong(proof, "index", BundleLayout.CONTEXT_PROOFS + " leaves[" + i + "]");
            if (index <= previous || index >= manifest.start()) {
                throw new BundleProblem(where + ": leaf " + index + " must come after leaf " + previous
                        + " and before the exported range starting at " + manifest.start());
            }
            previous = index;
            List<byte[]> path = BundleFiles.hashes(proof.path("path"), BundleLayout.CONTEXT_PROOFS,
                    "leaves[" + i + "].path");
            byte[] line = lines.get(i);
            if (!merkle.verifyInclusion(index, treeSize, merkle.leafHash(line), path, checkpoint.rootHash())) {
                throw new BundleProblem(where + ": is not leaf " + index + " of the signed tree (its inclusion proof "
                        + "fails against the checkpoint's root)");
            }
            TrackEvent event;
            try {
                event = codec.decode(line);
            } catch (EventFormatException e) {
                throw new BundleProblem(where + ": not a valid track event: " + e.getMessage());
            }
            if (!ContextAccumulator.isContext(event)) {
                throw new BundleProblem(where + ": a " + event.type().typeName() + " event is not a context leaf");
            }
            if (!event.site().equals(log.site()) || (event.firm() != null && !event.firm().equals(log.firm()))) {
                throw new BundleProblem(where + ": event of " + event.site() + "/" + event.firm()
                        + " cannot be in log " + log.origin());
            }
            context.accept(index, event);
        }
    }

    private static List<byte[]> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.isEmpty()) return List.of();
        if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
        return Arrays.stream(text.split("\n", -1)).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
