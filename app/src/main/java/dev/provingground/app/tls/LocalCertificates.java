package dev.provingground.app.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A certificate authority of this machine's own and a server certificate it signed for the names the server is reached
 * by on this machine ({@code localhost}, {@code 127.0.0.1}, {@code ::1} and any address given), as PEM files for
 * {@code --tls-cert}/{@code --tls-key} and for clients to trust ({@code curl --cacert}, {@code mosquitto_pub --cafile}).
 *
 * <p>Made with the JDK's {@code keytool}, which runs the server anyway, so nothing is to install. The files are kept
 * and used again while the server certificate names the same hosts and stays valid for {@link #RENEW_BEFORE} more,
 * so a browser told to trust the CA once keeps trusting the demo. The CA's private key is never kept: once the server
 * certificate is signed it is thrown away, so trusting this CA trusts nothing else than that certificate.
 */
public final class LocalCertificates {

    /** The PEM files: the CA to trust, the server's certificate chain (leaf, then CA) and its private key. */
    public record Issued(Path caCert, Path serverCert, Path serverKey) {
    }

    static final Duration VALIDITY = Duration.ofDays(90);
    static final Duration RENEW_BEFORE = Duration.ofDays(1);
    private static final String CA_NAME = "CN=Proving Ground local CA (this machine only)";
    private static final DateTimeFormatter START_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final String WORK_PREFIX = "keytool-";
    private static final String PASSWORD_VARIABLE = "PG_LOCAL_CA_STORE_PASSWORD";

    private final Path keytool;
    private final Clock clock;

    public LocalCertificates(Path keytool, Clock clock) {
        this.keytool = keytool;
        this.clock = clock;
    }

    /** With the {@code keytool} of the JDK this JVM runs on, else the one on the PATH. */
    public static LocalCertificates withJdkKeytool(Clock clock) {
        Path own = Path.of(System.getProperty("java.home"), "bin", "keytool");
        return new LocalCertificates(Files.isExecutable(own) ? own : Path.of("keytool"), clock);
    }

    /**
     * The certificates in {@code dir} for {@code hosts} (host names and IP addresses): the ones there when they still
     * serve, else new ones. Blocks for the few seconds keytool takes; never call it on an event loop.
     */
    public Issued inDirectory(Path dir, Set<String> hosts) throws IOException {
        Set<String> names = new LinkedHashSet<>(hosts);
        if (names.isEmpty()) throw new IllegalArgumentException("hosts: at least one name is needed");
        Issued files = new Issued(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"));
        if (stillServes(files, names)) return files;
        Files.createDirectories(dir);
        removeLeftWork(dir);
        Path work = Files.createTempDirectory(dir, WORK_PREFIX);
        try {
            issue(work, files, names);
        } finally {
            deleteTree(work);
        }
        return files;
    }

    private void issue(Path work, Issued files, Set<String> names) throws IOException {
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path store = work.resolve("store.p12");
        String days = String.valueOf(VALIDITY.toDays());
        // Valid from the injected clock's now (keytool reads the date in the time zone it is told).
        String from = START_DATE.format(clock.instant().atOffset(ZoneOffset.UTC));
        keytool(password, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", CA_NAME,
                "-validity", days, "-startdate", from, "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                "-keystore", store.toString(), "-storetype", "PKCS12");
        keytool(password, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + names.iterator().next(), "-validity", days, "-startdate", from,
                "-keystore", store.toString(), "-storetype", "PKCS12");
        keytool(password, "-certreq", "-alias", "server", "-keystore", store.toString(),
                "-file", work.resolve("server.csr").toString());
        keytool(password, "-gencert", "-alias", "ca", "-keystore", store.toString(), "-rfc", "-validity", days,
                "-startdate", from, "-infile", work.resolve("server.csr").toString(),
                "-outfile", work.resolve("server.crt").toString(),
                "-ext", "san=" + subjectAlternativeNames(names), "-ext", "ku:c=digitalSignature,keyEncipherment",
                "-ext", "eku=serverAuth");
        keytool(password, "-exportcert", "-alias", "ca", "-rfc", "-keystore", store.toString(),
                "-file", work.resolve("ca.crt").toString());

        String ca = Files.readString(work.resolve("ca.crt"), StandardCharsets.US_ASCII);
        String leaf = Files.readString(work.resolve("server.crt"), StandardCharsets.US_ASCII);
        // The key file first: a server certificate on disk without its key would be taken for a finished pair.
        writeSecret(files.serverKey(), pem("PRIVATE KEY", serverKey(store, password).getEncoded()));
        Files.writeString(files.serverCert(), withNewline(leaf) + withNewline(ca), StandardCharsets.US_ASCII);
        Files.writeString(files.caCert(), withNewline(ca), StandardCharsets.US_ASCII);
    }

    /** keytool's {@code san=} value: {@code dns:} for names, {@code ip:} for addresses. */
    static String subjectAlternativeNames(Set<String> names) {
        List<String> parts = new ArrayList<>();
        for (String n : names) parts.add((isIpAddress(n) ? "ip:" : "dns:") + n);
        return String.join(",", parts);
    }

    private static boolean isIpAddress(String name) {
        return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** The files are all there, signed by the CA beside them, name exactly {@code names} and stay valid long enough. */
    boolean stillServes(Issued files, Set<String> names) {
        if (!Stream.of(files.caCert(), files.serverCert(), files.serverKey()).allMatch(Files::isReadable))
            return false;
        try {
            X509Certificate ca = certificates(files.caCert()).get(0);
            X509Certificate leaf = certificates(files.serverCert()).get(0);
            leaf.verify(ca.getPublicKey());
            Date soon = Date.from(clock.instant().plus(RENEW_BEFORE));
            leaf.checkValidity(soon);
            ca.checkValidity(soon);
            return names(leaf).equals(normalised(names));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    /** The certificates in a PEM file, in order. */
    public static List<X509Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) out.add((X509Certificate) c);
            if (out.isEmpty()) throw new GeneralSecurityException(pem + " holds no certificate");
            return out;
        }
    }

    /** The DNS names and IP addresses a certificate is for, addresses in the JDK's long form. */
    static Set<String> names(X509Certificate certificate) throws GeneralSecurityException {
        Set<String> out = new TreeSet<>();
        var alternatives = certificate.getSubjectAlternativeNames();
        if (alternatives != null) for (List<?> entry : alternatives) out.add(entry.get(1).toString().toLowerCase());
        return out;
    }

    private static Set<String> normalised(Set<String> names) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            out.add(isIpAddress(n) ? ipLongForm(n) : n.toLowerCase());
        }
        return out;
    }

    /** How the JDK spells an address in a certificate: IPv6 in full, without zero compression. */
    private static String ipLongForm(String address) throws IOException {
        var bytes = InetAddress.getByName(address).getAddress();
        if (bytes.length == 4) return address;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) out.append(':');
            out.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        }
        return out.toString();
    }

    private static PrivateKey serverKey(Path store, String password) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            return (PrivateKey) keys.getKey("server", password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the server key keytool made: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Written readable by its owner only, where the file system knows owners. */
    private static void writeSecret(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private void keytool(String password, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-J-Duser.timezone=UTC"));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass:env", PASSWORD_VARIABLE, "-noprompt"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + keytool + " (the JDK's keytool makes the local certificates; run on a "
                    + "JDK, or give --tls-cert and --tls-key): " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            byte[] said = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(keytool + " " + args[0] + " did not finish within 60 s");
            }
            if (process.exitValue() != 0)
                throw new IOException(keytool + " " + args[0] + " failed (exit " + process.exitValue() + "): "
                        + new String(said, StandardCharsets.UTF_8).trim());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + keytool + " " + args[0] + " ran", e);
        }
    }

    /** A run stopped while keytool worked leaves its store behind, with a CA key in it: gone before anything else. */
    private static void removeLeftWork(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(WORK_PREFIX)).toList()) deleteTree(p);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
