package dev.provingground.app.demo;

import dev.provingground.server.support.TestServer;

/** The demo's view of a test server: its ports on loopback and its operator token. */
public final class Endpoints {

    private Endpoints() {
    }

    public static ServerEndpoint of(TestServer server) {
        return new ServerEndpoint("127.0.0.1", server.server.httpPort(), "127.0.0.1", server.server.mqttPort(),
                server.operatorToken);
    }
}
