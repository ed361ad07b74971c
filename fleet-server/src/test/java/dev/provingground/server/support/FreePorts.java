package dev.provingground.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port free now, for a process this test starts and tells the port (Mosquitto, a cluster node). Taken from
 * below the kernel's ephemeral range: a port the kernel handed out for {@code bind(0)} and got back is soon handed
 * out again, to another test's server or as the source port of any outgoing connection, and the process told to
 * listen on it seconds later finds it taken ("Address already in use"; seen with several test JVMs at once).
 */
public final class FreePorts {

    /** The lowest port tried; the range below the kernel's ephemeral ports is used from here. */
    private static final int LOWEST = 20_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private FreePorts() {
    }

    public static int loopback() {
        int below = ephemeralLow();
        if (below - LOWEST >= 1_000) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int attempt = 0; attempt < 50; attempt++) {
                int port = random.nextInt(LOWEST, below);
                if (bindable(port)) return port;
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range (Linux), 32768 where it cannot be read. */
    private static int ephemeralLow() {
        try {
            // Read as lines: Files.readString trusts the size /proc reports and returned the first digit only.
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32_768;
        }
    }
}
