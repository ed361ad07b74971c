package dev.provingground.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes and checks secrets (bearer tokens, robot MQTT passwords). Secrets are 256 random bits generated here, so a
 * salted SHA-256 is as strong as a slow KDF would be and keeps MQTT connects cheap; only the salt and hash are kept.
 */
public final class SecretHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private SecretHasher() {
    }

    public static String newSecret() {
        return randomText(32);
    }

    public static String randomText(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return B64.encodeToString(raw);
    }

    public static HashedSecret hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new HashedSecret(B64.encodeToString(salt), B64.encodeToString(digest(salt, secret)));
    }

    public static boolean matches(HashedSecret stored, String candidate) {
        if (stored == null || candidate == null) return false;
        byte[] salt = Base64.getUrlDecoder().decode(stored.salt());
        byte[] expected = Base64.getUrlDecoder().decode(stored.hash());
        return MessageDigest.isEqual(expected, digest(salt, candidate));
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(secret.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    public record HashedSecret(String salt, String hash) {
    }
}
