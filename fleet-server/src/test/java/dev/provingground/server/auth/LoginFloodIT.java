package dev.provingground.server.auth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing before authentication, measured on a server alone in a child JVM (256 MB heap, as the probe's): floods of
 * failed MQTT CONNECTs with 60 kB client ids and of unauthenticated 15 MB HTTP bodies, over real sockets from many
 * loopback addresses, leave the server's heap after full collections within 20 MB of where it started and write
 * nothing to disk.
 */
class LoginFloodIT {

    private static final long TWENTY_MB = 20L << 20;
    private static final int SOURCES = 200;

    @TempDir
    Path work;

    private Process child;
    private PrintStream toChild;
    private BufferedReader fromChild;
    private int httpPort;
    private int mqttPort;
    private Path cwd;
    private Path data;

    @BeforeEach
    void startServerInItsOwnJvm() throws Exception {
        cwd = Files.createDirectories(work.resolve("cwd"));
        data = work.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LoginFloodChild.class.getName(), data.toString())
                .directory(cwd.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
        fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = fromChild.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                String[] ports = line.split(" ");
                httpPort = Integer.parseInt(ports[1]);
                mqttPort = Integer.parseInt(ports[2]);
                return;
            }
        }
        throw new IllegalStateException("server child ended before it was ready");
    }

    @AfterEach
    void stopServer() throws Exception {
        toChild.println("STOP");
        if (!child.waitFor(20, TimeUnit.SECONDS)) child.destroyForcibly();
    }

    @Test
    void tenThousandFailedMqttConnectsWithSixtyKilobyteClientIdsLeaveTheHeapAndDiskAsTheyWere() throws Exception {
        mqttFlood(200); // loads what the first refusals load, so the baseline is a warm server
        long before = heap();
        Map<String, Long> filesBefore = files();

        Map<Integer, AtomicInteger> codes = mqttFlood(10_000);

        long after = heap();
        System.out.printf("LoginFloodIT MQTT: 10000 CONNECTs, CONNACK codes %s; server heap after GC %.1f MB before,"
                + " %.1f MB after (growth %.1f MB)%n", codes, before / 1e6, after / 1e6, (after - before) / 1e6);
        assertThat(codes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(10_000);
        assertThat(codes).doesNotContainKey(0); // none accepted
        // Over-long client ids are refused as such (2); addresses that failed too often get "server unavailable" (3).
        assertThat(codes.keySet()).containsOnly(2, 3);
        assertThat(after - before).as("heap growth, bytes (before %d, after %d)", before, after).isLessThan(TWENTY_MB);
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void aThousandUnauthenticatedFifteenMegabyteBodiesAreRefusedUnreadAndLeaveTheHeapAndDiskAsTheyWere()
            throws Exception {
        httpFlood(50);
        long before = heap();
        Map<String, Long> filesBefore = files();

        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicLong bodyBytesSent = new AtomicLong();
        httpFlood(1000, outcomes, bodyBytesSent);

        long after = heap();
        System.out.printf("LoginFloodIT HTTP: 1000 requests of 15 MB, outcomes %s, %.1f kB of body sent per request;"
                + " server heap after GC %.1f MB before, %.1f MB after (growth %.1f MB)%n", outcomes,
                bodyBytesSent.get() / 1000 / 1e3, before / 1e6, after / 1e6, (after - before) / 1e6);
        assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(1000);
        // Refused with 401 (no or wrong token) or 429 (address blocked), or cut off before the answer was read.
        assertThat(outcomes.keySet()).allMatch(o -> o.equals("401") || o.equals("429") || o.equals("closed"));
        assertThat(outcomes.keySet()).containsAnyOf("401", "429");
        // With a 64 kB send buffer a client gets out little more than the kernel takes in for a socket nobody reads:
        // under 512 kB each of the 15 MB offered. The server stopped reading at the headers.
        assertThat(bodyBytesSent.get() / 1000).as("body bytes sent per request").isLessThan(512L << 10);
        assertThat(after - before).as("heap growth, bytes (before %d, after %d)", before, after).isLessThan(TWENTY_MB);
        assertThat(files()).isEqualTo(filesBefore);
        try (Stream<Path> all = Files.walk(work)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("file-uploads", "flood.bin");
        }
    }

    private long heap() throws IOException {
        toChild.println("HEAP");
        for (String line; (line = fromChild.readLine()) != null; )
            if (line.startsWith("HEAP ")) return Long.parseLong(line.substring(5));
        throw new IllegalStateException("server child ended");
    }

    /** Every file under the server's working and data directories, with its size. */
    private Map<String, Long> files() throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator)
                out.put(work.relativize(p).toString(), Files.size(p));
        }
        return out;
    }

    private Map<Integer, AtomicInteger> mqttFlood(int connects) throws Exception {
        byte[] frame = connectFrame("x".repeat(60_000), "rb-nobody", "wrong-password");
        Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
        inParallel(connects, i -> {
            try (Socket s = socketFrom(i, mqttPort, 0)) {
                s.getOutputStream().write(frame);
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] connack = new byte[4];
                in.readFully(connack);
                codes.computeIfAbsent(connack[3] & 0xff, c -> new AtomicInteger()).incrementAndGet();
            }
        });
        return codes;
    }

    private void httpFlood(int requests) throws Exception {
        httpFlood(requests, new ConcurrentHashMap<>(), new AtomicLong());
    }

    /**
     * Half send no token, half a wrong one; half declare their length, half stream chunks; a quarter are multipart
     * uploads of a file, which a body handler before the token check would have written to {@code file-uploads}.
     */
    private void httpFlood(int requests, Map<String, AtomicInteger> outcomes, AtomicLong bodyBytesSent)
            throws Exception {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        long bodyBytes = 15L << 20;
        inParallel(requests, i -> {
            boolean chunked = i % 2 == 1;
            String token = (i / 2) % 2 == 0 ? "" : "Authorization: Bearer pg.nosuchid.wrongsecret\r\n";
            boolean upload = i % 4 == 3;
            String head = "POST /api/v1/firms HTTP/1.1\r\nHost: localhost\r\n" + token
                    + (upload ? "Content-Type: multipart/form-data; boundary=xyz\r\n" : "Content-Type: application/json\r\n")
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n") + "\r\n";
            try (Socket s = socketFrom(i, httpPort, 64 * 1024)) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                long sent = 0;
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    if (upload) {
                        byte[] part = UPLOAD_PART.getBytes(StandardCharsets.US_ASCII);
                        if (chunked) out.write((Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(part);
                        if (chunked) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent += part.length;
                    }
                    while (sent < bodyBytes) {
                        if (chunked) out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        if (chunked) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent += chunk.length;
                    }
                    if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException cutOff) {
                    // The server answered and closed while the body was still coming: what it should do.
                }
                bodyBytesSent.addAndGet(sent);
                outcomes.computeIfAbsent(status(s.getInputStream()), k -> new AtomicInteger()).incrementAndGet();
            }
        });
    }

    private static final String UPLOAD_PART = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; "
            + "filename=\"flood.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n";

    private static String status(InputStream in) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != -1 && b != '\n'; ) line.write(b);
            String text = line.toString(StandardCharsets.US_ASCII);
            return text.startsWith("HTTP/1.1 ") ? text.substring(9, 12) : "closed";
        } catch (IOException reset) {
            return "closed";
        }
    }

    /** Connections come from {@link #SOURCES} loopback addresses, as a flood from many hosts would. */
    private static Socket socketFrom(int i, int port, int sendBuffer) throws IOException {
        Socket s = new Socket();
        if (sendBuffer > 0) s.setSendBufferSize(sendBuffer);
        s.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) (2 + i % SOURCES)}), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        return s;
    }

    private static byte[] connectFrame(String clientId, String username, String password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(4);          // MQTT 3.1.1
        body.write(0xC2);       // username, password, clean session
        body.write(0);
        body.write(60);         // keep-alive 60 s
        writeString(body, clientId);
        writeString(body, username);
        writeString(body, password);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x10);
        int remaining = body.size();
        do {
            int digit = remaining % 128;
            remaining /= 128;
            frame.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        frame.writeBytes(body.toByteArray());
        return frame.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.writeBytes(bytes);
    }

    private interface Attempt {
        void run(int i) throws Exception;
    }

    private static void inParallel(int count, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    attempt.run(n);
                    return null;
                }));
            }
            for (var f : futures) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
