package dev.provingground.agent.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The example configurations of docs/ROBOT-AGENT.md are ones the agent accepts. */
class DocumentedExamplesTest {

    @Test
    void bothExampleConfigurationsOfTheDocumentLoad() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "ROBOT-AGENT.md"));
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<AgentConfig> configs = new ArrayList<>();
        while (m.find()) configs.add(AgentConfig.parse(new JsonObject(m.group(1))));
        assertThat(configs).extracting(c -> c.ros().flavour())
                .containsExactly(AgentConfig.Flavour.NAV2, AgentConfig.Flavour.MOVE_BASE);
        assertThat(configs.get(0).mapFrames().byLevel("L1").orElseThrow().transform().yaw())
                .isCloseTo(Math.PI / 2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(configs.get(0).actions()).containsKeys("trayHandover", "uvcLampOn", "liftDoor");
    }

    @Test
    void theSettingsTableOfTheDocumentListsEverySettingWithItsDefault() throws Exception {
        String whole = Files.readString(Path.of("..", "docs", "ROBOT-AGENT.md"));
        String doc = whole.substring(whole.indexOf("\n## Settings\n"), whole.indexOf("\n### MQTTS\n"));
        for (ConfigHelp.Setting s : ConfigHelp.SETTINGS)
            assertThat(doc).contains("| `" + s.name() + "` | " + s.fallback() + " | " + s.meaning() + " |");
        Matcher rows = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(doc);
        List<String> documented = new ArrayList<>();
        while (rows.find()) documented.add(rows.group(1));
        assertThat(documented).as("no setting documented that the reader does not know")
                .containsExactlyElementsOf(ConfigHelp.SETTINGS.stream().map(ConfigHelp.Setting::name).toList());
    }
}
