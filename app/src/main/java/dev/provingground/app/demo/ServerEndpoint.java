package dev.provingground.app.demo;

import dev.provingground.sim.link.MqttTarget;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClientOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the demo reaches the server, as any client would: its HTTP API, the MQTT endpoint (or broker) its robots and
 * lift controllers log in to, and an operator token. The demo needs nothing else of the server.
 *
 * @param caFile null: plain HTTP and MQTT; else HTTPS and MQTTS, trusting only the CA certificate(s) in this PEM file
 *               and checking that the server's certificate names the host connected to
 */
public record ServerEndpoint(String httpHost, int httpPort, String mqttHost, int mqttPort, String operatorToken,
                             Path caFile) {

    public ServerEndpoint {
        if (operatorToken == null || operatorToken.isBlank())
            throw new IllegalArgumentException("operatorToken: required");
    }

    /** A server reached in plain HTTP and MQTT. */
    public ServerEndpoint(String httpHost, int httpPort, String mqttHost, int mqttPort, String operatorToken) {
        this(httpHost, httpPort, mqttHost, mqttPort, operatorToken, null);
    }

    /** The endpoint with the operator token the server wrote to {@code tokenFile} (DATA/operator.token). */
    public static ServerEndpoint withTokenFrom(String httpHost, int httpPort, String mqttHost, int mqttPort,
                                               Path tokenFile, Path caFile) {
        try {
            return new ServerEndpoint(httpHost, httpPort, mqttHost, mqttPort,
                    Files.readString(tokenFile, StandardCharsets.UTF_8).trim(), caFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator token from " + tokenFile + ": " + e.getMessage(), e);
        }
    }

    public boolean tls() {
        return caFile != null;
    }

    /** How the demo's robots and lift controllers reach the MQTT endpoint. */
    public MqttTarget mqtt() {
        return new MqttTarget(mqttHost, mqttPort, tls(), caFile);
    }

    /** Options of the demo's REST client: HTTPS trusting {@link #caFile} when there is one. */
    WebClientOptions webClientOptions() {
        WebClientOptions options = new WebClientOptions();
        if (tls()) options.setSsl(true).setVerifyHost(true).setTrustOptions(trust());
        return options;
    }

    /** Options of the demo's live-feed client: WSS trusting {@link #caFile} when there is one. */
    WebSocketClientOptions webSocketOptions() {
        WebSocketClientOptions options = new WebSocketClientOptions();
        if (tls()) options.setSsl(true).setVerifyHost(true).setTrustOptions(trust());
        return options;
    }

    private PemTrustOptions trust() {
        return new PemTrustOptions().addCertPath(caFile.toString());
    }
}
