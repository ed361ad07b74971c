package dev.provingground.trackrecord.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing for the writer's tree: leaf {@code SHA-256(0x00 || data)}, interior node
 * {@code SHA-256(0x01 || left || right)}, empty tree {@code SHA-256("")}.
 *
 * <p>Holds one reusable {@link MessageDigest}, so an instance belongs to one thread.
 */
public final class TreeHasher {

    public static final int HASH_BYTES = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private final MessageDigest sha256;

    public TreeHasher() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256", e);
        }
    }

    public byte[] emptyRoot() {
        return sha256.digest();
    }

    public byte[] leafHash(byte[] data) {
        return leafHash(data, 0, data.length);
    }

    public byte[] leafHash(byte[] data, int offset, int length) {
        sha256.update(LEAF_PREFIX);
        sha256.update(data, offset, length);
        return sha256.digest();
    }

    public byte[] nodeHash(byte[] left, byte[] right) {
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /**
     * Node hash of two adjacent hashes stored in {@code hashes}, written into {@code out} at
     * {@code outOffset}; lets callers fold a tile in place without allocating.
     */
    public void nodeHash(byte[] hashes, int leftOffset, int rightOffset, byte[] out, int outOffset) {
        sha256.update(NODE_PREFIX);
        sha256.update(hashes, leftOffset, HASH_BYTES);
        sha256.update(hashes, rightOffset, HASH_BYTES);
        try {
            sha256.digest(out, outOffset, HASH_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }
}
