package dev.provingground.trackrecord.verify;

import dev.provingground.trackrecord.export.BundleLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Names the line of events.jsonl that differs once the root did not match. leaf-hashes.bin lists the leaf hash of
 * every exported leaf; it is trusted only after it reproduces the signed root itself, and then the first line whose
 * hash differs from its entry is the first changed, removed, inserted or reordered line.
 */
final class LineLocator {

    private final RfcMerkle merkle;

    LineLocator(RfcMerkle merkle) {
        this.merkle = merkle;
    }

    /**
     * The root did not match: name the first line that differs, using leaf-hashes.bin once it is shown to
     * reproduce the signed root itself.
     */
    String locate(BundleFiles files, BundleManifest manifest, List<byte[]> outside, byte[] signedRoot,
                          byte[] eventsRoot) throws IOException {
        long expected = manifest.end() - manifest.start();
        String mismatch = BundleLayout.EVENTS + ": the events do not reproduce the signed root (recomputed "
                + HexFormat.of().formatHex(eventsRoot) + ", signed " + HexFormat.of().formatHex(signedRoot) + ")";
        long listedSize = files.size(BundleLayout.LEAF_HASHES);
        if (listedSize < 0) {
            return mismatch + "; leaf-hashes.bin is absent, so the line cannot be named";
        }
        if (listedSize != expected * 32) {
            return mismatch + "; leaf-hashes.bin has " + listedSize + " bytes instead of " + expected * 32
                    + ", so the line cannot be named";
        }
        byte[] listedRoot;
        try (InputStream listed = files.stream(BundleLayout.LEAF_HASHES)) {
            listedRoot = merkle.rootOfRange(manifest.treeSize(), manifest.start(), manifest.end(), outside,
                    (out, offset) -> System.arraycopy(readHash(listed), 0, out, offset, 32));
        }
        if (!Arrays.equals(listedRoot, signedRoot)) {
            return mismatch + "; range-proof.json or leaf-hashes.bin was altered as well, so the line cannot be named";
        }
        try (InputStream events = files.stream(BundleLayout.EVENTS);
             InputStream listed = files.stream(BundleLayout.LEAF_HASHES)) {
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
}
