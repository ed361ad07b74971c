package dev.provingground.sim.link;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClientOptions;

import java.nio.file.Path;

/**
 * Where a simulated robot or lift controller connects: an MQTT endpoint or broker, in plain MQTT or over TLS (MQTTS).
 * Over TLS the server's certificate must chain to {@code caFile} (PEM), or to a CA the JVM trusts when there is none,
 * and must name {@code host}, as a browser checks a web site.
 *
 * @param tls    MQTTS instead of plain MQTT
 * @param caFile PEM certificate(s) of the CA to trust; null = the JVM's trusted CAs; implies {@code tls}
 */
public record MqttTarget(String host, int port, boolean tls, Path caFile) {

    public MqttTarget {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host: required");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port: must be 1..65535, got " + port);
        if (caFile != null) tls = true;
    }

    public static MqttTarget plain(String host, int port) {
        return new MqttTarget(host, port, false, null);
    }

    /** MQTTS to {@code host:port}, trusting the CA in {@code caFile} only. */
    public static MqttTarget tls(String host, int port, Path caFile) {
        return new MqttTarget(host, port, true, caFile);
    }

    /** {@code options} set up for this target's transport: unchanged for plain MQTT. */
    public MqttClientOptions applyTo(MqttClientOptions options) {
        if (!tls) return options;
        options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
        if (caFile != null) options.setTrustOptions(new PemTrustOptions().addCertPath(caFile.toString()));
        return options;
    }

    @Override
    public String toString() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }
}
