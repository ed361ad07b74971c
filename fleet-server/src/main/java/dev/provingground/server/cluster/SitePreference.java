package dev.provingground.server.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which live member should own a site: rendezvous hashing (highest random weight) over the members' ids, so every
 * node computes the same answer from the same membership, sites spread evenly, and a member leaving moves only its
 * own sites. It only says who claims first; the claim itself is a lock ({@link SiteClaims}).
 */
final class SitePreference {

    private SitePreference() {
    }

    static Optional<String> preferred(String site, Collection<String> memberIds) {
        return memberIds.stream().max(Comparator.comparingLong((String m) -> weight(site, m)).thenComparing(m -> m));
    }

    private static long weight(String site, String member) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((site + "\u0000" + member).getBytes(StandardCharsets.UTF_8));
            long w = 0;
            for (int i = 0; i < 8; i++) w = (w << 8) | (d[i] & 0xff);
            return w;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
