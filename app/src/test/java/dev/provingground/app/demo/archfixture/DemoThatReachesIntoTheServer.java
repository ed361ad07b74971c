package dev.provingground.app.demo.archfixture;

import dev.provingground.server.wiring.FleetServer;

/**
 * Scratch class for the architecture rules' own test: a demo class that reaches into the server instead of calling
 * its API, which the rules forbid. Not part of the product (it lives in the app module's tests).
 */
public final class DemoThatReachesIntoTheServer {
    public int httpPort(FleetServer server) {
        return server.httpPort();
    }
}
