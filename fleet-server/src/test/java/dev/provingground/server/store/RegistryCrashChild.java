package dev.provingground.server.store;

import dev.provingground.server.support.TestServer;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link RegistryCrashIT}: registers robots one after another and prints each id once the
 * API answered 201 (so it is committed), until the parent kills the JVM with SIGKILL.
 */
public final class RegistryCrashChild {

    public static void main(String[] args) throws Exception {
        TestServer server = TestServer.start(Path.of(args[0]));
        server.registerFirm("acme");
        System.out.println("READY " + server.operatorToken);
        for (int i = 0; ; i++) {
            String id = server.registerRobot("acme", "Acme", "C-" + i, "indoor-delivery").getString("id");
            System.out.println("REGISTERED " + id);
            System.out.flush();
        }
    }
}
