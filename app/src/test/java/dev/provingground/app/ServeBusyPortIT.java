package dev.provingground.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} on a port that is taken ends with one line naming the port and how to choose another, status 3. */
class ServeBusyPortIT {

    @TempDir
    Path data;

    @Test
    void aTakenHttpPortIsOneLineNamingThePortAndItsOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            String port = Integer.toString(taken.getLocalPort());
            String err = serve(3, "--http-port", port, "--mqtt-port", "0");
            assertThat(err.lines()).containsExactly("proving-ground: HTTP port " + port
                    + " on 0.0.0.0 is already in use; choose another with --http-port or http.port (PG_HTTP_PORT)");
        }
    }

    @Test
    void aTakenMqttPortIsOneLineNamingThePortAndItsOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            String port = Integer.toString(taken.getLocalPort());
            String err = serve(3, "--http-port", "0", "--mqtt-port", port);
            assertThat(err.lines()).containsExactly("proving-ground: MQTT port " + port
                    + " on 0.0.0.0 is already in use; choose another with --mqtt-port or mqtt.port (PG_MQTT_PORT)");
        }
    }

    /** Runs {@code serve} as main would and returns what it said on its error stream; asserts its exit status. */
    private String serve(int expectedStatus, String... ports) {
        StringWriter err = new StringWriter();
        var line = ProvingGround.commandLine();
        line.setErr(new PrintWriter(err, true));
        String[] args = new String[ports.length + 3];
        args[0] = "serve";
        args[1] = "--data";
        args[2] = data.toString();
        System.arraycopy(ports, 0, args, 3, ports.length);
        assertThat(line.execute(args)).isEqualTo(expectedStatus);
        return err.toString();
    }
}
