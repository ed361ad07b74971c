package dev.provingground.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.vda5050.Factsheet;
import dev.provingground.vda5050.Vda5050Codec;
import dev.provingground.vda5050.Vda5050Schemas;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltInProfilesTest {

    private static final List<String> SHIPPED = List.of("indoor-delivery", "sidewalk-delivery", "serving", "uvc-disinfection");

    private static Validator publishedSchema;
    private static Validator publishedSchemaWithBlockingTypesRepaired;

    @BeforeAll
    static void loadPublishedFactsheetSchema() throws IOException {
        // The published 2.1.0 schema, as the vda5050 module ships it (unchanged; it repairs defects only in memory).
        String schemaText;
        try (InputStream in = BuiltInProfilesTest.class.getResourceAsStream(
                Vda5050Schemas.RESOURCE_FOLDER + "factsheet.schema.json")) {
            assertThat(in).as("factsheet schema on the class path").isNotNull();
            schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        publishedSchema = validator(new JsonObject(schemaText));
        JsonObject repaired = new JsonObject(schemaText);
        repairBlockingTypes(repaired);
        publishedSchemaWithBlockingTypesRepaired = validator(repaired);
    }

    @Test
    void builtInCatalogHoldsExactlyTheFourShippedProfiles() {
        assertThat(ProfileCatalog.builtIn().all()).extracting(HardwareProfile::id).containsExactlyElementsOf(SHIPPED);
    }

    @Test
    void indexListsEveryShippedProfileFile() throws IOException, URISyntaxException {
        // Beside the index, not by directory name: test classes share the package directory.
        Path directory = Path.of(getClass().getClassLoader().getResource(ProfileCatalog.INDEX).toURI()).getParent();
        try (Stream<Path> files = Files.list(directory)) {
            List<String> jsonFiles = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .collect(Collectors.toList());
            assertThat(jsonFiles).containsExactlyInAnyOrderElementsOf(
                    SHIPPED.stream().map(id -> id + ".json").collect(Collectors.toList()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"indoor-delivery", "sidewalk-delivery", "serving", "uvc-disinfection"})
    void encodedFactsheetValidatesAgainstTheSharedSchema(String id) {
        HardwareProfile profile = ProfileCatalog.builtIn().require(id);

        byte[] encoded = new Vda5050Codec().encode(profile.factsheet());

        // The codec always writes lists, so every action carries "blockingTypes": []. The published schema puts
        // the blockingTypes enum on the array itself, which no array can satisfy; the specification text means
        // an array of those strings. Repair exactly that and nothing else.
        assertThat(errors(publishedSchemaWithBlockingTypesRepaired, encoded)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"indoor-delivery", "sidewalk-delivery", "serving", "uvc-disinfection"})
    void factsheetAsWrittenInTheFileValidatesAgainstTheUnrepairedSharedSchema(String id) throws IOException {
        JsonNode factsheet = ProfileFiles.shipped(id).get("factsheet");

        assertThat(errors(publishedSchema, ProfileFiles.JSON.writeValueAsBytes(factsheet))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"indoor-delivery", "sidewalk-delivery", "serving", "uvc-disinfection"})
    void everyProfileNamesASourceWithAWebAddress(String id) {
        HardwareProfile profile = ProfileCatalog.builtIn().require(id);

        assertThat(profile.sources()).isNotEmpty();
        assertThat(profile.sources()).allSatisfy(source -> {
            assertThat(source.url()).matches("https?://[^\\s/]+\\..*");
            assertThat(source.figures()).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"indoor-delivery", "sidewalk-delivery", "serving", "uvc-disinfection"})
    void everyEstimateNamesAFieldTheProfileHas(String id) {
        JsonNode file = ProfileFiles.shipped(id);
        HardwareProfile profile = ProfileCatalog.builtIn().require(id);

        assertThat(profile.estimates()).allSatisfy(estimate -> {
            JsonNode node = file;
            for (String part : estimate.field().split("\\.")) {
                node = node.path(part);
            }
            assertThat(node.isMissingNode()).as("%s names %s", id, estimate.field()).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"indoor-delivery", "sidewalk-delivery", "serving", "uvc-disinfection"})
    void everyProfileDeclaresThePredefinedActionsTheBridgeSupports(String id) {
        HardwareProfile profile = ProfileCatalog.builtIn().require(id);

        assertThat(List.of("startPause", "stopPause", "cancelOrder", "startCharging", "stopCharging", "initPosition",
                "factsheetRequest", "stateRequest")).allSatisfy(action -> assertThat(profile.supportsAction(action))
                        .as("%s declares %s", id, action).isTrue());
    }

    @Test
    void sidewalkRobotIsOutdoorInTheLightestClassAndCappedByItsOwnSpeedMax() {
        HardwareProfile sidewalk = ProfileCatalog.builtIn().require("sidewalk-delivery");

        assertThat(sidewalk.service().environment()).isEqualTo(Environment.OUTDOOR);
        assertThat(sidewalk.outdoorSpeedClass()).contains(OutdoorSpeedClass.UP_TO_100_KG);
        assertThat(sidewalk.speedCapMps()).isEqualTo(1.667);
        assertThat(sidewalk.supportsAction("trayHandover")).isTrue();
        assertThat(sidewalk.supportsAction("elevatorBoard")).isFalse();
    }

    @Test
    void indoorDeliveryRobotRidesElevators() {
        HardwareProfile indoor = ProfileCatalog.builtIn().require("indoor-delivery");

        assertThat(indoor.service().elevatorCapable()).isTrue();
        assertThat(indoor.supportsAction("elevatorBoard")).isTrue();
        assertThat(indoor.supportsAction("elevatorAlight")).isTrue();
        assertThat(indoor.outdoorSpeedClass()).isEmpty();
    }

    @Test
    void disinfectionRobotCarriesUvcIrradianceAndLampActionsButNoTrays() {
        HardwareProfile uvc = ProfileCatalog.builtIn().require("uvc-disinfection");

        assertThat(uvc.service().kind()).isEqualTo(RobotKind.DISINFECTION);
        assertThat(uvc.service().uvcIrradianceAt1mMicroWattPerCm2()).isEqualTo(2670.0);
        assertThat(uvc.supportsAction("uvcLampOn")).isTrue();
        assertThat(uvc.supportsAction("uvcLampOff")).isTrue();
        assertThat(uvc.supportsAction("trayHandover")).isFalse();
    }

    @Test
    void nonDisinfectionRobotsClaimNoUvc() {
        assertThat(ProfileCatalog.builtIn().all()).filteredOn(p -> p.service().kind() != RobotKind.DISINFECTION)
                .hasSize(3)
                .allSatisfy(p -> {
                    assertThat(p.service().uvcIrradianceAt1mMicroWattPerCm2()).isNull();
                    assertThat(p.supportsAction("uvcLampOn")).isFalse();
                });
    }

    @Test
    void factsheetForARobotCarriesTheRobotsSerialNumberAndTheModelsFigures() {
        HardwareProfile serving = ProfileCatalog.builtIn().require("serving");

        Factsheet robot = serving.factsheetFor("BELLA-0042");

        assertThat(robot.serialNumber()).isEqualTo("BELLA-0042");
        assertThat(robot.manufacturer()).isEqualTo("Pudu Robotics");
        assertThat(robot.physicalParameters()).isEqualTo(serving.factsheet().physicalParameters());
        assertThat(serving.factsheet().serialNumber()).isEqualTo("BL100");
    }

    @Test
    void findReturnsEmptyForAnUnknownId() {
        assertThat(ProfileCatalog.builtIn().find("hovercraft")).isEmpty();
        assertThat(ProfileCatalog.builtIn().find("serving")).map(HardwareProfile::name)
                .contains("Pudu Robotics BellaBot (restaurant serving robot)");
    }

    @Test
    void requireOfAnUnknownIdNamesItAndEveryKnownId() {
        assertThatThrownBy(() -> ProfileCatalog.builtIn().require("hovercraft"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("unknown hardware profile \"hovercraft\"; known profiles: "
                        + "indoor-delivery, sidewalk-delivery, serving, uvc-disinfection");
    }

    private static Validator validator(JsonObject schema) {
        return Validator.create(JsonSchema.of(schema), new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri("https://provingground.dev/test/factsheet.schema.json")
                .setOutputFormat(OutputFormat.Basic));
    }

    private static void repairBlockingTypes(JsonObject schema) {
        JsonObject blockingTypes = schema.getJsonObject("properties").getJsonObject("protocolFeatures")
                .getJsonObject("properties").getJsonObject("agvActions").getJsonObject("items")
                .getJsonObject("properties").getJsonObject("blockingTypes");
        JsonArray values = (JsonArray) blockingTypes.remove("enum");
        assertThat(values).as("the published defect this test repairs").isNotNull();
        blockingTypes.put("items", new JsonObject().put("type", "string").put("enum", values));
    }

    private static List<String> errors(Validator validator, byte[] json) {
        OutputUnit result = validator.validate(new JsonObject(Buffer.buffer(json)));
        if (Boolean.TRUE.equals(result.getValid())) {
            return List.of();
        }
        List<OutputUnit> units = result.getErrors() == null ? List.of(result) : result.getErrors();
        return units.stream().map(u -> u.getInstanceLocation() + ": " + u.getError()).collect(Collectors.toList());
    }
}
