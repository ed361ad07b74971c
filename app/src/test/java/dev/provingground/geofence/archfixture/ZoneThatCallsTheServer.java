package dev.provingground.geofence.archfixture;

import dev.provingground.server.wiring.FleetServer;
import io.vertx.core.Vertx;

/**
 * Scratch class for the architecture rules' own test: a geofence class that reaches up into the server and into
 * Vert.x, both forbidden. Not part of the product (it lives in the app module's tests).
 */
public final class ZoneThatCallsTheServer {
    public int httpPort(FleetServer server, Vertx vertx) {
        return server.httpPort();
    }
}
