package dev.provingground.server.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;

import java.nio.charset.StandardCharsets;

/**
 * Bounds on a CONNECT's fields, checked before its credentials: a client id, username or password longer than any
 * robot or lift controller needs is refused with the CONNACK code for that field, and nothing of it is kept.
 */
final class ConnectBounds {

    /** VDA 5050 client ids are {@code manufacturer/serial}-like; MQTT only promises 23 bytes. */
    static final int MAX_CLIENT_ID_CHARS = 256;
    /** Robot ids and {@code lift:site/elevator/car} logins are far shorter. */
    static final int MAX_USERNAME_CHARS = 256;
    /** Issued passwords are 43 characters; room for a controller's own. */
    static final int MAX_PASSWORD_BYTES = 512;

    private ConnectBounds() {
    }

    /** What is too long, or null when every field is inside its bound. */
    static String problem(MqttEndpoint endpoint) {
        String clientId = endpoint.clientIdentifier();
        if (clientId != null && clientId.length() > MAX_CLIENT_ID_CHARS)
            return "client id of " + clientId.length() + " characters, over " + MAX_CLIENT_ID_CHARS;
        MqttAuth auth = endpoint.auth();
        if (auth == null) return null;
        if (auth.getUsername() != null && auth.getUsername().length() > MAX_USERNAME_CHARS)
            return "username of " + auth.getUsername().length() + " characters, over " + MAX_USERNAME_CHARS;
        if (auth.getPassword() != null && auth.getPassword().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES)
            return "password over " + MAX_PASSWORD_BYTES + " bytes";
        return null;
    }

    /** The CONNACK refusal for {@link #problem}: the client id's own code, else bad username or password. */
    static MqttConnectReturnCode refusal(MqttEndpoint endpoint) {
        String clientId = endpoint.clientIdentifier();
        boolean v5 = endpoint.protocolVersion() == 5;
        if (clientId != null && clientId.length() > MAX_CLIENT_ID_CHARS)
            return v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID
                    : MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
        return v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
    }

    /** A client id as shown in logs and refusals: at most 64 characters. */
    static String shown(String clientId) {
        if (clientId == null) return "(none)";
        return clientId.length() <= 64 ? clientId : clientId.substring(0, 64) + "…";
    }
}
