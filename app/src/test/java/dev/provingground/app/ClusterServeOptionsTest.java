package dev.provingground.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --cluster} with options it cannot run on says which and why, status 2, before it starts anything. */
class ClusterServeOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aClusterWithoutABrokerIsRefusedNamingTheOptionItNeeds() throws Exception {
        String err = serve("--cluster", "--site", site().toString());
        assertThat(err.lines().findFirst()).hasValue(
                "--cluster needs --mqtt-broker: robots reach every node through the broker (docs/CLUSTER.md)");
    }

    @Test
    void aClusterWithoutSitesIsRefused() {
        String err = serve("--cluster", "--mqtt-broker", "127.0.0.1");
        assertThat(err.lines().findFirst()).hasValue(
                "--cluster needs the cluster's sites: --site FILE, the same on every node");
    }

    @Test
    void aMemberWithoutPortIsRefusedByName() throws Exception {
        String err = serve("--cluster", "--mqtt-broker", "127.0.0.1", "--site", site().toString(),
                "--cluster-members", "127.0.0.1:5701,nohost");
        assertThat(err.lines().findFirst()).hasValue("cluster member 'nohost': expected host:port");
    }

    private Path site() throws Exception {
        Path file = dir.resolve("north.json");
        Files.writeString(file, """
                {"id": "north", "name": "Hall", "timeZone": "UTC",
                 "levels": [{"id": "L1", "name": "Hall", "floor": 1, "outdoor": false,
                   "waypoints": [{"id": "a", "x": 0, "y": 0}]}]}
                """);
        return file;
    }

    private String serve(String... options) {
        StringWriter err = new StringWriter();
        var line = ProvingGround.commandLine();
        line.setErr(new PrintWriter(err, true));
        String[] args = new String[options.length + 2];
        args[0] = "serve";
        args[1] = "--data=" + dir.resolve("data");
        System.arraycopy(options, 0, args, 2, options.length);
        assertThat(line.execute(args)).isEqualTo(2);
        assertThat(dir.resolve("data")).doesNotExist();
        return err.toString();
    }
}
