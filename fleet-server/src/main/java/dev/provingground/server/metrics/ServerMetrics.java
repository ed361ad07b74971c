package dev.provingground.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The server's meters, kept by Micrometer in a Prometheus registry and scraped at {@code /metrics}
 * (docs/CONFIGURATION.md lists them). A Vert.x made by {@link #newVertx} adds its own HTTP, net and event-loop meters
 * to the same registry.
 */
public final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public ServerMetrics() {
        // Heap and non-heap pools (jvm_memory_used_bytes …): how much memory the server holds under load.
        new JvmMemoryMetrics().bindTo(registry);
    }

    /** A Vert.x whose own metrics (HTTP server, TCP connections, pools) go to {@code metrics}. */
    public static Vertx newVertx(ServerMetrics metrics) {
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(metrics.registry))
                .build();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Geofence evaluation of one robot position, from the state's arrival to the enforcement decision. */
    public Latency enforcement() {
        return histogram("pg.enforcement.latency", "Geofence evaluation and enforcement of one robot position");
    }

    /** The dispatcher's choice of a robot for one waiting task, by outcome (assigned, waiting, impossible). */
    public Latency dispatchDecision(String outcome) {
        return histogram("pg.dispatch.decision", "Dispatcher choosing a robot for one waiting task", "outcome", outcome);
    }

    /** One group commit of the track record, until it is durable. */
    public Latency trackRecordCommit() {
        return histogram("pg.trackrecord.commit", "Track-record group commit until durable");
    }

    /** One robot MQTT message from decoding to handled (accepted or refused), on the server's event loop. */
    public Latency messageHandling() {
        return histogram("pg.mqtt.message.handling", "Robot MQTT message from decoding to handled (accepted or refused)");
    }

    /** A refused robot or lift-controller message or connection, by reason. */
    public Counter rejection(String reason) {
        return Counter.builder("pg.mqtt.rejected").description("Robot MQTT messages and connections refused, by reason")
                .tag("reason", reason).register(registry);
    }

    /**
     * A REST request refused: answered 4xx (validation, authentication, ownership, limits) or 503 (storage cannot
     * write), by the error code it was answered with, which is one of a fixed set.
     */
    public Counter refusedRequest(String reason) {
        return Counter.builder("pg.http.refused")
                .description("REST requests refused (4xx, or 503 while storage cannot write), by the error code answered")
                .tag("reason", reason).register(registry);
    }

    /**
     * A failed login by the credential that failed ({@code http_token}: an unknown, expired or revoked bearer token;
     * {@code mqtt_password}: wrong MQTT credentials or over-long CONNECT fields).
     */
    public Counter loginFailure(String kind) {
        return Counter.builder("pg.login.failures")
                .description("Failed logins (wrong API token or MQTT password), by credential")
                .tag("kind", kind).register(registry);
    }

    /** A login refused unchecked because its address was blocked after failed logins, by credential. */
    public Counter loginBlocked(String kind) {
        return Counter.builder("pg.login.blocked")
                .description("Logins refused unchecked: their address was blocked after failed logins")
                .tag("kind", kind).register(registry);
    }

    /** A value read when scraped (robots by connection state, say). */
    public void gauge(String name, String description, Supplier<Number> value, String... tags) {
        Gauge.builder(name, value).description(description).tags(tags).register(registry);
    }

    /**
     * A counter kept elsewhere, read when scraped. Micrometer holds {@code source} weakly: it must be kept alive by
     * the server (a gate, a store status), not made up for the call.
     */
    public <T> void counted(String name, String description, T source, ToDoubleFunction<T> value, String... tags) {
        FunctionCounter.builder(name, source, value).description(description).tags(tags).register(registry);
    }

    private Latency histogram(String name, String description, String... tags) {
        Timer timer = Timer.builder(name).description(description).tags(tags)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
