package dev.provingground.app.tls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificates {@code demo --tls} makes with keytool: issued once for all tests here (keytool takes seconds), then
 * checked as a TLS client checks them, and reused or made anew as their validity and names ask.
 */
class LocalCertificatesTest {

    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    static Path dir;
    static LocalCertificates.Issued issued;

    @BeforeAll
    static void issue() throws Exception {
        // What a run killed while keytool worked leaves behind: a store holding a CA key.
        Files.writeString(Files.createDirectories(dir.resolve("keytool-4711")).resolve("store.p12"), "CA key");
        issued = certificatesAt(NOW).inDirectory(dir, LOOPBACK);
    }

    @Test
    void theServerCertificateChainsToTheCaAndNamesEveryLoopbackHost() throws Exception {
        X509Certificate ca = LocalCertificates.certificates(issued.caCert()).get(0);
        List<X509Certificate> chain = LocalCertificates.certificates(issued.serverCert());
        assertThat(chain).hasSize(2).element(1).isEqualTo(ca);
        assertThat(ca.getBasicConstraints()).as("the CA may sign").isGreaterThanOrEqualTo(0);
        assertThat(chain.get(0).getBasicConstraints()).as("the server certificate may not").isEqualTo(-1);

        PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        pkix.setRevocationEnabled(false);
        pkix.setDate(Date.from(NOW.plus(Duration.ofDays(30))));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                .generateCertPath(chain.subList(0, 1)), pkix);
        assertThat(LocalCertificates.names(chain.get(0)))
                .containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(chain.get(0).getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void theKeyFileHoldsTheServerCertificatesKeyReadableByItsOwnerOnly() throws Exception {
        String pem = Files.readString(issued.serverKey());
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(new byte[]{1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(LocalCertificates.certificates(issued.serverCert()).get(0).getPublicKey());
        verifier.update(new byte[]{1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(issued.serverKey())))
                .isEqualTo("rw-------");
    }

    @Test
    void noCaKeyIsLeftBehindNotEvenByAnInterruptedRunSoTheCaCanSignNothingElse() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("ca.pem", "server.pem", "server.key");
        }
    }

    @Test
    void certificatesStillValidForTheSameHostsAreUsedAgainOtherwiseNewOnesAreMade() throws Exception {
        String ca = Files.readString(issued.caCert());
        assertThat(certificatesAt(NOW.plus(Duration.ofDays(60))).stillServes(issued, LOOPBACK))
                .as("two months on").isTrue();
        assertThat(certificatesAt(NOW.plus(LocalCertificates.VALIDITY).minus(Duration.ofHours(12)))
                .stillServes(issued, LOOPBACK)).as("half a day before it ends").isFalse();
        assertThat(certificatesAt(NOW).stillServes(issued, Set.of("localhost", "127.0.0.1", "::1", "192.0.2.7")))
                .as("a host it does not name").isFalse();
        assertThat(certificatesAt(NOW).stillServes(issued, Set.of("localhost", "127.0.0.1")))
                .as("a host it names but no longer should").isFalse();

        assertThat(certificatesAt(NOW).inDirectory(dir, LOOPBACK)).isEqualTo(issued);
        assertThat(Files.readString(issued.caCert())).as("the CA a browser was told to trust stays").isEqualTo(ca);
    }

    @Test
    void keytoolSansSpellNamesAndAddresses() {
        assertThat(LocalCertificates.subjectAlternativeNames(new java.util.LinkedHashSet<>(
                List.of("localhost", "127.0.0.1", "::1", "robots.example.org"))))
                .isEqualTo("dns:localhost,ip:127.0.0.1,ip:::1,dns:robots.example.org");
    }

    private static LocalCertificates certificatesAt(Instant now) {
        return LocalCertificates.withJdkKeytool(Clock.fixed(now, ZoneOffset.UTC));
    }
}
