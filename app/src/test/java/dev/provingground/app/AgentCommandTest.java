package dev.provingground.app;

import dev.provingground.agent.config.ConfigHelp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AgentCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpNamesEverySettingOfTheConfigurationFile() {
        StringWriter out = new StringWriter();
        var line = ProvingGround.commandLine();
        line.setOut(new PrintWriter(out));
        assertThat(line.execute("agent", "--help")).isZero();
        String help = out.toString();
        assertThat(help).contains("--config=FILE");
        for (ConfigHelp.Setting s : ConfigHelp.SETTINGS) assertThat(help).contains(s.name());
    }

    @Test
    void aBadConfigurationFileIsRefusedNamingTheSetting() throws Exception {
        Path file = dir.resolve("robot.json");
        Files.writeString(file, "{\"manufacturer\": \"Acme\", \"serialNumber\": \"R-1\", \"maps\": [{\"rosMap\": \"m\", "
                + "\"levelMapId\": \"L1\"}], \"mqtt\": {\"hots\": \"x\"}}");
        CommandRun run = CommandRun.of("agent", "--config", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown setting mqtt.hots");
    }
}
