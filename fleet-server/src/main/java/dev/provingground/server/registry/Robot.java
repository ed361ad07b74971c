package dev.provingground.server.registry;

import dev.provingground.server.auth.SecretHasher;

import java.time.Instant;

/**
 * A registered robot: who it is, whose it is, what model it is, where it runs, and its MQTT login (hash only).
 *
 * @param id      stable id derived from manufacturer and serial number; also its MQTT username
 * @param kind    DELIVERY, SERVING or DISINFECTION, from the profile
 * @param dispatch whether the server's dispatcher gives it work, or only its vendor's own fleet manager does
 */
public record Robot(String id, String manufacturer, String serialNumber, String firm, String profile, String kind,
                    String site, SecretHasher.HashedSecret mqttSecret, Instant registeredAt, DispatchMode dispatch) {

    public Robot {
        // Robots stored before there was a choice have none: the server dispatched every robot then.
        if (dispatch == null) dispatch = DispatchMode.SERVER;
    }

    public Robot withMqttSecret(SecretHasher.HashedSecret secret) {
        return new Robot(id, manufacturer, serialNumber, firm, profile, kind, site, secret, registeredAt, dispatch);
    }

    public Robot withDispatch(DispatchMode mode) {
        return new Robot(id, manufacturer, serialNumber, firm, profile, kind, site, mqttSecret, registeredAt, mode);
    }
}
