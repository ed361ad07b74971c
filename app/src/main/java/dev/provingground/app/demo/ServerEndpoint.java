package dev.provingground.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the demo reaches the server, as any client would: its HTTP API, the MQTT endpoint (or broker) its robots and
 * lift controllers log in to, and an operator token. The demo needs nothing else of the server.
 */
public record ServerEndpoint(String httpHost, int httpPort, String mqttHost, int mqttPort, String operatorToken) {

    public ServerEndpoint {
        if (operatorToken == null || operatorToken.isBlank())
            throw new IllegalArgumentException("operatorToken: required");
    }

    /** The endpoint with the operator token the server wrote to {@code tokenFile} (DATA/operator.token). */
    public static ServerEndpoint withTokenFrom(String httpHost, int httpPort, String mqttHost, int mqttPort,
                                               Path tokenFile) {
        try {
            return new ServerEndpoint(httpHost, httpPort, mqttHost, mqttPort,
                    Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator token from " + tokenFile + ": " + e.getMessage(), e);
        }
    }
}
