package dev.provingground.trackrecord.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP signed-note verifier key for Ed25519: {@code <name>+<hex key ID>+<base64(0x01 || public key)>}, where the
 * key ID is the first four bytes of {@code SHA-256(name || 0x0A || 0x01 || public key)}.
 */
public final class VerifierKey {

    static final byte ED25519_TYPE = 0x01;

    private final String name;
    private final byte[] keyId;
    private final byte[] rawPublicKey;
    private final PublicKey publicKey;

    private VerifierKey(String name, byte[] rawPublicKey) {
        this.name = requireValidName(name);
        this.rawPublicKey = rawPublicKey.clone();
        this.publicKey = Ed25519.publicKey(rawPublicKey);
        this.keyId = keyId(name, rawPublicKey);
    }

    public static VerifierKey of(String name, byte[] rawPublicKey) {
        return new VerifierKey(name, rawPublicKey);
    }

    static VerifierKey of(String name, PublicKey key) {
        return new VerifierKey(name, Ed25519.rawPublicKey(key));
    }

    public static VerifierKey parse(String text) {
        String trimmed = text.strip();
        // Base64 may itself contain '+', so only the first two separate fields.
        String[] parts = trimmed.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("verifier key must be name+keyid+key, got '" + trimmed + "'");
        }
        byte[] id;
        try {
            id = HexFormat.of().parseHex(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verifier key ID is not hex: '" + parts[1] + "'", e);
        }
        if (id.length != 4) {
            throw new IllegalArgumentException("verifier key ID must be 8 hex digits, got '" + parts[1] + "'");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verifier key is not base64: '" + parts[2] + "'", e);
        }
        if (typed.length == 0 || typed[0] != ED25519_TYPE) {
            throw new IllegalArgumentException("verifier key is not an Ed25519 key (type byte "
                    + (typed.length == 0 ? "missing" : String.format("0x%02x", typed[0])) + ")");
        }
        VerifierKey key = new VerifierKey(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (!Arrays.equals(key.keyId, id)) {
            throw new IllegalArgumentException("verifier key ID " + parts[1] + " does not match its name and key (expected "
                    + HexFormat.of().formatHex(key.keyId) + ")");
        }
        return key;
    }

    public String name() {
        return name;
    }

    public byte[] keyId() {
        return keyId.clone();
    }

    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** The published form, {@code name+hexid+base64}. */
    public String encoded() {
        byte[] typed = new byte[1 + rawPublicKey.length];
        typed[0] = ED25519_TYPE;
        System.arraycopy(rawPublicKey, 0, typed, 1, rawPublicKey.length);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Checks one signature on the exact note text. */
    public boolean verifies(byte[] text, byte[] signature) {
        return signature.length == Ed25519.SIGNATURE_BYTES && Ed25519.verify(publicKey, text, signature);
    }

    static byte[] keyId(String name, byte[] rawPublicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0x0A);
            sha256.update(ED25519_TYPE);
            sha256.update(rawPublicKey);
            return Arrays.copyOf(sha256.digest(), 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no SHA-256", e);
        }
    }

    /** C2SP: a key name is non-empty UTF-8 without Unicode spaces or '+'. */
    static String requireValidName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("key name must not be empty");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("key name must not contain spaces, control characters or '+': '" + name + "'");
            }
            i += Character.charCount(c);
        }
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey k && k.name.equals(name) && Arrays.equals(k.rawPublicKey, rawPublicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(rawPublicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
