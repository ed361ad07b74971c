package dev.provingground.trackrecord.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Signs note text with one Ed25519 key. The private key is kept in the {@code PRIVATE+KEY+name+id+base64(0x01||seed)}
 * text form of Go's {@code sumdb/note} signer keys.
 */
public final class NoteSigner {

    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

    private final PrivateKey privateKey;
    private final byte[] seed;
    private final VerifierKey verifierKey;

    private NoteSigner(byte[] seed, VerifierKey verifierKey) {
        this.seed = seed.clone();
        this.privateKey = Ed25519.privateKey(seed);
        this.verifierKey = verifierKey;
        byte[] probe = "proving-ground key check\n".getBytes(StandardCharsets.UTF_8);
        if (!verifierKey.verifies(probe, Ed25519.sign(privateKey, probe))) {
            throw new IllegalArgumentException("private key does not belong to verifier key " + verifierKey.encoded());
        }
    }

    /** A fresh key pair named {@code name}. */
    public static NoteSigner generate(String name) {
        VerifierKey.requireValidName(name);
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no Ed25519", e);
        }
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalStateException("Ed25519 key generator gave no private key bytes"));
        return new NoteSigner(seed, VerifierKey.of(name, pair.getPublic()));
    }

    /** Rebuilds a signer from its private key string and the verifier key it must match. */
    public static NoteSigner fromKeys(String privateKeyText, VerifierKey verifierKey) {
        String text = privateKeyText.strip();
        if (!text.startsWith(PRIVATE_KEY_PREFIX)) {
            throw new IllegalArgumentException("private key must start with " + PRIVATE_KEY_PREFIX);
        }
        // Base64 may itself contain '+', so only the first two separate fields.
        String[] parts = text.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("private key must be PRIVATE+KEY+name+keyid+key");
        }
        if (!parts[0].equals(verifierKey.name()) || !parts[1].equals(HexFormat.of().formatHex(verifierKey.keyId()))) {
            throw new IllegalArgumentException("private key " + parts[0] + "+" + parts[1] + " does not match verifier key "
                    + verifierKey.encoded());
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("private key material is not base64", e);
        }
        if (typed.length != 1 + Ed25519.KEY_BYTES || typed[0] != VerifierKey.ED25519_TYPE) {
            throw new IllegalArgumentException("private key is not a 32-byte Ed25519 seed");
        }
        return new NoteSigner(Arrays.copyOfRange(typed, 1, typed.length), verifierKey);
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The secret in its text form; only for writing the key file. */
    String privateKeyText() {
        byte[] typed = new byte[1 + seed.length];
        typed[0] = VerifierKey.ED25519_TYPE;
        System.arraycopy(seed, 0, typed, 1, seed.length);
        return PRIVATE_KEY_PREFIX + verifierKey.name() + "+" + HexFormat.of().formatHex(verifierKey.keyId()) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    public SignedNote sign(String text) {
        byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new SignedNote.Signature(verifierKey.name(), verifierKey.keyId(), signature)));
    }

    public SignedNote sign(Checkpoint checkpoint) {
        return sign(checkpoint.body());
    }
}
