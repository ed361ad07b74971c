package dev.provingground.scenarios.crash;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link ServerKilledMidScenarioIT}: the server and the simulated building in virtual time on
 * the data directory {@code args[0]}, up to the first step at which a robot rides a car (see {@link RidingWhenKilled}),
 * with every commit done. It then prints one line starting {@code REACHED} — where things stand and the logins its
 * server issued — and blocks reading its standard input, which the parent never writes, until it is killed.
 */
public final class ScenarioChild {

    public static void main(String[] args) throws Exception {
        RidingWhenKilled run = RidingWhenKilled.run(Path.of(args[0]));
        JsonObject reached = new JsonObject()
                .put("at", run.sim.clock().instant().toString())
                .put("fingerprint", run.fingerprint())
                .put("robots", new JsonObject(new java.util.LinkedHashMap<>(run.robotPasswords)))
                .put("cars", new JsonObject(new java.util.LinkedHashMap<>(run.carLogins)));
        System.out.println("REACHED " + reached.encode());
        System.out.flush();
        // Nothing more happens here: the virtual clock moves only when stepped, so the server stands still until the kill.
        while (System.in.read() >= 0) {
            // the parent writes nothing; end of input means the parent is gone
        }
    }
}
