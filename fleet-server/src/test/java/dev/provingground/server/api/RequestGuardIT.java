package dev.provingground.server.api;

import dev.provingground.server.support.PrometheusText;
import dev.provingground.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP side of "nothing before authentication", over a real socket: the token is checked before the body is
 * read, each route has its body limit, a refused request's connection is closed, wrong tokens are throttled and
 * counted, and nothing lands in an upload directory.
 */
class RequestGuardIT {

    @TempDir
    Path data;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        // The failed-login counters are read from the very address the failures blocked: as a Prometheus on loopback.
        server = TestServer.startWithMetricsOpenOnLoopback(data);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aBodyOverItsRoutesLimitIsRefusedWith413NamingTheLimitAndTheSetting() throws Exception {
        String body = "{\"id\": \"" + "a".repeat(300_000) + "\"}";
        String answer = exchange("POST /api/v1/firms", "Authorization: Bearer " + server.operatorToken, body);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("payload_too_large")
                .contains("exceeds the limit of 262144 bytes for /api/v1/firms (setting http.maxCommandBodyBytes)");
        // The same size is within the larger limit of site documents: judged as a site, not refused for its size.
        String site = exchange("PUT /api/v1/sites/test", "Authorization: Bearer " + server.operatorToken, body);
        assertThat(site).doesNotStartWith("HTTP/1.1 413");
    }

    @Test
    void aRequestWithoutAValidTokenIsRefusedWithItsBodyUnreadAndItsConnectionClosed() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.server.httpPort())) {
            s.setSoTimeout(10_000);
            // Declares a body far beyond any limit but sends none of it: the answer comes from the headers alone.
            s.getOutputStream().write(("POST /api/v1/firms HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 15728640\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = readToEnd(s.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 401").contains("Connection: close").contains("unauthorized");
        }
    }

    @Test
    void wrongTokensFromOneAddressAreCountedThenRefusedWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 10; i++)
            assertThat(exchange("GET /api/v1/robots", "Authorization: Bearer pg.nosuch.token", null))
                    .startsWith("HTTP/1.1 401");
        String blocked = exchange("GET /api/v1/robots", "Authorization: Bearer " + server.operatorToken, null);
        assertThat(blocked).startsWith("HTTP/1.1 429").contains("Retry-After: 1").contains("too_many_failed_logins");

        String metrics = server.get("/metrics", null).bodyAsString();
        assertThat(PrometheusText.value(metrics, "pg_login_failures_total{kind=\"http_token\"}")).isEqualTo(10);
        assertThat(PrometheusText.value(metrics, "pg_login_blocked_total{kind=\"http_token\"}")).isEqualTo(1);
    }

    @Test
    void aMultipartUploadLeavesNoFileAnywhere() throws Exception {
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "b".repeat(100_000) + "\r\n--xyz--\r\n";
        exchange("POST /api/v1/firms", "Authorization: Bearer " + server.operatorToken
                + "\r\nContent-Type: multipart/form-data; boundary=xyz", body);
        assertThat(Files.exists(Path.of("file-uploads"))).isFalse();
        try (Stream<Path> all = Files.walk(data)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("file-uploads", "a.bin");
        }
    }

    /** One request over its own connection; the whole answer as text. */
    private String exchange(String requestLine, String headers, String body) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.server.httpPort())) {
            s.setSoTimeout(10_000);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n"
                    + (headers.contains("Content-Type") ? "" : "Content-Type: application/json\r\n")
                    + "Content-Length: " + bytes.length + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                s.getOutputStream().write(bytes);
            } catch (IOException refusedEarly) {
                // The server may answer and close before the whole body is sent: the answer is still there to read.
            }
            return readToEnd(s.getInputStream());
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) != -1; ) out.write(buf, 0, n);
        } catch (IOException reset) {
            // A reset after the answer: what was read is the answer.
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
