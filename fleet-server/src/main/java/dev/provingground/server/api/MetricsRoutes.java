package dev.provingground.server.api;

import dev.provingground.server.auth.ConnectionGate;
import dev.provingground.server.auth.LoginGuard;
import dev.provingground.server.mqtt.RejectionLog;
import dev.provingground.server.registry.RobotRegistry;
import dev.provingground.vda5050.ConnectionState;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.provingground.server.store.StorageStatus;
import dev.provingground.trackrecord.store.StorageHealth;

import java.util.EnumMap;
import java.util.function.ToLongFunction;
import java.util.Map;

/**
 * {@code /metrics} in the Prometheus text format. A handful of counters and gauges do not warrant a metrics
 * library; when histograms arrive, Micrometer should replace this.
 */
final class MetricsRoutes {

    private final RobotRegistry registry;
    private final RejectionLog rejections;
    private final LoginGuard logins;
    private final ConnectionGate httpConnections;
    private final StorageStatus storage;

    MetricsRoutes(RobotRegistry registry, RejectionLog rejections, LoginGuard logins, ConnectionGate httpConnections,
                  StorageStatus storage) {
        this.registry = registry;
        this.rejections = rejections;
        this.logins = logins;
        this.httpConnections = httpConnections;
        this.storage = storage;
    }

    void mount(Router router) {
        router.get("/metrics").handler(this::metrics);
    }

    private void metrics(RoutingContext ctx) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP pg_mqtt_rejected_total Robot MQTT messages and connections refused, by reason.\n");
        out.append("# TYPE pg_mqtt_rejected_total counter\n");
        rejections.snapshot().forEach((reason, n) -> out.append("pg_mqtt_rejected_total{reason=\"")
                .append(reason.metricName()).append("\"} ").append(n).append('\n'));
        out.append("# HELP pg_login_failures_total Failed logins (wrong API token or MQTT password), by credential.\n");
        out.append("# TYPE pg_login_failures_total counter\n");
        for (LoginGuard.Kind k : LoginGuard.Kind.values())
            out.append("pg_login_failures_total{kind=\"").append(k.metricName()).append("\"} ")
                    .append(logins.failures(k)).append('\n');
        out.append("# HELP pg_login_blocked_total Logins refused unchecked: their address was blocked after failed logins.\n");
        out.append("# TYPE pg_login_blocked_total counter\n");
        for (LoginGuard.Kind k : LoginGuard.Kind.values())
            out.append("pg_login_blocked_total{kind=\"").append(k.metricName()).append("\"} ")
                    .append(logins.refusedWhileBlocked(k)).append('\n');
        out.append("# HELP pg_http_connections_refused_total HTTP connections closed at once: over a connection limit.\n");
        out.append("# TYPE pg_http_connections_refused_total counter\n");
        out.append("pg_http_connections_refused_total ").append(httpConnections.refused()).append('\n');
        Map<ConnectionState, Integer> byState = new EnumMap<>(ConnectionState.class);
        for (ConnectionState s : ConnectionState.values()) byState.put(s, 0);
        registry.all().forEach(r -> {
            var st = registry.status(r.id());
            if (st != null) byState.merge(st.connection(), 1, Integer::sum);
        });
        out.append("# HELP pg_robots Registered robots by connection state.\n");
        out.append("# TYPE pg_robots gauge\n");
        byState.forEach((s, n) -> out.append("pg_robots{connection=\"").append(s.name()).append("\"} ").append(n).append('\n'));
        storageMetrics(out);
        ctx.response().putHeader("content-type", "text/plain; version=0.0.4").end(out.toString());
    }

    private void storageMetrics(StringBuilder out) {
        Map<String, StorageHealth> stores = storage.stores();
        metric(out, "pg_storage_failing", "gauge", "1 while the store cannot write (disk full, I/O errors).", stores,
                h -> h.failing() ? 1 : 0);
        metric(out, "pg_storage_held_events", "gauge", "Events held in memory until the store can write.", stores,
                StorageHealth::heldEvents);
        metric(out, "pg_storage_dropped_events_total", "counter", "Events refused because no more could be held.",
                stores, StorageHealth::droppedEvents);
        metric(out, "pg_storage_outages_total", "counter", "Spells of failing storage since start.", stores,
                StorageHealth::outages);
    }

    private static void metric(StringBuilder out, String name, String type, String help,
                               Map<String, StorageHealth> stores, ToLongFunction<StorageHealth> value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        stores.forEach((store, h) -> out.append(name).append("{store=\"").append(store).append("\"} ")
                .append(value.applyAsLong(h)).append('\n'));
    }
}
