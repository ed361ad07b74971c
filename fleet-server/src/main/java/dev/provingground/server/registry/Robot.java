package dev.provingground.server.registry;

import dev.provingground.server.auth.SecretHasher;

import java.time.Instant;

/**
 * A registered robot: who it is, whose it is, what model it is, where it runs, and its MQTT login (hash only).
 *
 * @param id      stable id derived from manufacturer and serial number; also its MQTT username
 * @param kind    DELIVERY, SERVING or DISINFECTION, from the profile
 */
public record Robot(String id, String manufacturer, String serialNumber, String firm, String profile, String kind,
                    String site, SecretHasher.HashedSecret mqttSecret, Instant registeredAt) {

    public Robot withMqttSecret(SecretHasher.HashedSecret secret) {
        return new Robot(id, manufacturer, serialNumber, firm, profile, kind, site, secret, registeredAt);
    }
}
