package dev.provingground.server.support;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FreePortsTest {

    @Test
    void aPortBelowTheKernelsEphemeralRangeThatCanBeBound() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(Files.isReadable(range), "a Linux kernel's ephemeral port range");
        int ephemeralLow = Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
        assumeTrue(ephemeralLow > 21_000, "room below the ephemeral range");

        for (int i = 0; i < 20; i++) {
            int port = FreePorts.loopback();
            assertThat(port).isBetween(20_000, ephemeralLow - 1);
            try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(bound.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
