package dev.provingground.trackrecord.checkpoint;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP {@code tlog-checkpoint} body: origin line, decimal tree size, base64 root hash, each ending in a newline.
 * Extension lines after the root are accepted when parsing and not produced.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash) {

    public Checkpoint {
        if (origin == null || origin.isEmpty()) {
            throw new IllegalArgumentException("checkpoint origin must not be empty");
        }
        if (origin.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("checkpoint origin must not contain control characters: " + origin);
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("checkpoint tree size must not be negative, got " + treeSize);
        }
        if (rootHash == null || rootHash.length != 32) {
            throw new IllegalArgumentException("checkpoint root hash must be 32 bytes, got "
                    + (rootHash == null ? "none" : rootHash.length));
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text to sign. */
    public String body() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("checkpoint body must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("checkpoint body needs origin, tree size and root hash lines, got "
                    + lines.length + " line(s)");
        }
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new IllegalArgumentException("checkpoint extension line " + (i + 1) + " is empty");
            }
        }
        String sizeText = lines[1];
        if (!sizeText.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("checkpoint tree size line is not a decimal number: '" + sizeText + "'");
        }
        long size;
        try {
            size = Long.parseLong(sizeText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint tree size is too large: " + sizeText, e);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint root hash line is not base64: '" + lines[2] + "'", e);
        }
        return new Checkpoint(lines[0], size, root);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && c.origin.equals(origin) && c.treeSize == treeSize
                && Arrays.equals(c.rootHash, rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(treeSize)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + treeSize + ", root " + HexFormat.of().formatHex(rootHash) + "]";
    }
}
