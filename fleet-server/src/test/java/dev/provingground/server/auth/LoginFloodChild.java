package dev.provingground.server.auth;

import dev.provingground.server.support.TestServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link LoginFloodIT}: a server alone in its JVM, so its heap is what is measured. Prints
 * {@code READY <httpPort> <mqttPort>}; answers {@code HEAP} on stdin with the heap in use after full collections;
 * ends at {@code STOP} or when stdin closes.
 */
public final class LoginFloodChild {

    public static void main(String[] args) throws Exception {
        TestServer server = TestServer.start(Path.of(args[0]));
        System.out.println("READY " + server.server.httpPort() + " " + server.server.mqttPort());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("STOP"); ) {
            if (line.equals("HEAP")) {
                System.out.println("HEAP " + heapAfterGc());
                System.out.flush();
            }
        }
        server.close();
        System.exit(0);
    }

    /** Collects until two readings agree within 1 MB (at most 10 collections): what is still reachable. */
    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < 1 << 20) return used;
            last = used;
        }
        return last;
    }
}
