package dev.provingground.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks the server for its robot list ({@code GET /api/v1/robots}, as the console and a fleet manager do) while the
 * load runs, one request at a time, a second apart, and keeps each answer's time: whether the API stays
 * responsive under full ingest. A request that fails or takes longer than {@link #TIMEOUT} is counted, not timed.
 */
final class ApiProbe implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A client polling the whole list once a second; more often the probe itself would be much of the load. */
    private static final long PAUSE_MILLIS = 1000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpRequest request;
    private final List<Long> nanos = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopping;

    ApiProbe(URI base, String token) {
        request = HttpRequest.newBuilder(base.resolve("/api/v1/robots")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        thread = new Thread(this::loop, "bench-api-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stopping) {
            long started = System.nanoTime();
            try {
                HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - started;
                if (answer.statusCode() == 200) {
                    synchronized (nanos) {
                        nanos.add(took);
                    }
                } else failures.incrementAndGet();
                Thread.sleep(PAUSE_MILLIS);
            } catch (IOException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The answer times since the last call, in nanoseconds; the warm-up's are thrown away by calling it first. */
    long[] drain() {
        synchronized (nanos) {
            long[] out = nanos.stream().mapToLong(Long::longValue).toArray();
            nanos.clear();
            return out;
        }
    }

    /** Requests that failed or timed out since the last call. */
    int drainFailures() {
        return failures.getAndSet(0);
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
    }
}
