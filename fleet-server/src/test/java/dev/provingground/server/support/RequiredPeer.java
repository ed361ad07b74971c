package dev.provingground.server.support;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when an independent peer (Mosquitto, Node.js, an npm package) is not installed: on a developer
 * machine it is skipped, naming what to install; in CI ({@code PG_REQUIRE_PEERS=true}) it fails, so a broken CI
 * image cannot turn the interoperability tests into silent skips.
 */
public final class RequiredPeer {

    public static final String REQUIRE_ENV = "PG_REQUIRE_PEERS";

    private RequiredPeer() {
    }

    /**
     * @param available whether the peer was found
     * @param what      what is missing, e.g. "mosquitto (looked for /usr/sbin/mosquitto and on PATH)"
     * @param install   how to get it, e.g. "apt-get install mosquitto"
     */
    public static void assume(boolean available, String what, String install) {
        if (available) return;
        String message = "missing " + what + "; install it with: " + install;
        if (Boolean.parseBoolean(System.getenv(REQUIRE_ENV)))
            throw new AssertionError(message + " (" + REQUIRE_ENV + "=true, so this test must not be skipped)");
        Assumptions.abort(message + " (test skipped; set " + REQUIRE_ENV + "=true to make this a failure)");
    }
}
