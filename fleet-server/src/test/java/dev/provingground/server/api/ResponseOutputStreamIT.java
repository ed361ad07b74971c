package dev.provingground.server.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A body written on a worker into {@link ResponseOutputStream} reaches a client over a real loopback socket: as it is
 * produced, in chunks, whole; a failure before the first chunk still gets an error status, one after cuts it short.
 */
class ResponseOutputStreamIT {

    private Vertx vertx;
    private HttpServer server;
    private BiConsumer<HttpServerRequest, ResponseOutputStream> writer;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            Context context = vertx.getOrCreateContext();
            ResponseOutputStream body = new ResponseOutputStream(request.response(), context,
                    () -> request.response().putHeader("content-type", "application/octet-stream"));
            vertx.executeBlocking(() -> {
                writer.accept(request, body);
                body.close();
                return null;
            }).onFailure(e -> {
                if (!body.started()) request.response().setStatusCode(500).end(e.getMessage());
                else request.response().reset();
            });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> get() throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.actualPort() + "/")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] bytes(int length) {
        byte[] out = new byte[length];
        new Random(length).nextBytes(out);
        return out;
    }

    @Test
    void aBodyOfManyChunksArrivesWholeAndChunkedWithoutALength() throws Exception {
        byte[] expected = bytes(ResponseOutputStream.CHUNK * 40 + 123);
        writer = (request, out) -> {
            try {
                // In uneven pieces, as a zip writer writes.
                for (int at = 0; at < expected.length; at += 1000) out.write(expected, at, Math.min(1000, expected.length - at));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        };

        HttpResponse<byte[]> response = get();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("content-length")).isEmpty();
        assertThat(response.body()).isEqualTo(expected);
    }

    @Test
    void aSmallBodyGoesOutInOnePieceWithItsLength() throws Exception {
        byte[] expected = bytes(500);
        writer = (request, out) -> {
            try {
                out.write(expected);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        };

        HttpResponse<byte[]> response = get();

        assertThat(response.headers().firstValue("content-length")).hasValue("500");
        assertThat(response.body()).isEqualTo(expected);
    }

    @Test
    void aFailureBeforeTheFirstChunkIsAnsweredWithAnError() throws Exception {
        writer = (request, out) -> {
            try {
                out.write(bytes(1000));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            throw new IllegalStateException("no checkpoint yet");
        };

        HttpResponse<byte[]> response = get();

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body())).isEqualTo("no checkpoint yet");
    }

    @Test
    void aFailureAfterTheFirstChunkCutsTheResponseShort() {
        writer = (request, out) -> {
            try {
                out.write(bytes(ResponseOutputStream.CHUNK * 3));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            throw new IllegalStateException("disk gone");
        };

        assertThatThrownBy(this::get).isInstanceOf(IOException.class);
    }
}
