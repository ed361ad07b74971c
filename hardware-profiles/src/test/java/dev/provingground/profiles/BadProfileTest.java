package dev.provingground.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadProfileTest {

    @TempDir
    Path dir;

    @Test
    void missingKindNamesFileAndField() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "service").remove("kind");

        assertLoadFails("serving.json", profile, "service.kind", "serving.json: service.kind: required");
    }

    @Test
    void negativeMassNamesFileFieldAndValue() {
        ObjectNode profile = ProfileFiles.shipped("sidewalk-delivery");
        ProfileFiles.at(profile, "service").put("massEmptyKg", -3);

        assertLoadFails("sidewalk-delivery.json", profile, "service.massEmptyKg",
                "sidewalk-delivery.json: service.massEmptyKg: must be more than 0, got -3");
    }

    @Test
    void unknownKindValueListsTheKnownKinds() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "service").put("kind", "WAITER");

        assertLoadFails("serving.json", profile, "service.kind",
                "serving.json: service.kind: must be one of DELIVERY, SERVING, DISINFECTION, got \"WAITER\"");
    }

    @Test
    void uvcIrradianceOnADeliveryRobotIsRejected() {
        ObjectNode profile = ProfileFiles.shipped("indoor-delivery");
        ProfileFiles.at(profile, "service").put("uvcIrradianceAt1mMicroWattPerCm2", 300);

        assertLoadFails("indoor-delivery.json", profile, "service.uvcIrradianceAt1mMicroWattPerCm2",
                "indoor-delivery.json: service.uvcIrradianceAt1mMicroWattPerCm2: only DISINFECTION robots carry UV-C "
                        + "lamps, but kind is DELIVERY and got 300");
    }

    @Test
    void disinfectionRobotWithoutIrradianceIsRejected() {
        ObjectNode profile = ProfileFiles.shipped("uvc-disinfection");
        ProfileFiles.at(profile, "service").remove("uvcIrradianceAt1mMicroWattPerCm2");

        assertLoadFails("uvc-disinfection.json", profile, "service.uvcIrradianceAt1mMicroWattPerCm2",
                "uvc-disinfection.json: service.uvcIrradianceAt1mMicroWattPerCm2: required for a DISINFECTION robot "
                        + "(UV-C irradiance at 1 m in µW/cm²)");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ProfileFiles.write(dir, "broken.json", "{\n  \"id\": \"broken\",\n  \"name\": \"x\"\n  \"factsheet\": {}\n}\n");

        assertThatThrownBy(() -> ProfileCatalog.load(dir))
                .isInstanceOf(ProfileLoadException.class)
                .hasMessageStartingWith("broken.json: line 4, column 3: malformed JSON: Unexpected character ('\"' (code 34)): "
                        + "was expecting comma to separate Object entries")
                .satisfies(e -> assertThat(((ProfileLoadException) e).field()).isEmpty());
    }

    @Test
    void duplicateKeyIsMalformed() {
        ProfileFiles.write(dir, "serving.json", "{\"id\": \"serving\", \"id\": \"serving\"}");

        assertThatThrownBy(() -> ProfileCatalog.load(dir))
                .isInstanceOf(ProfileLoadException.class)
                .hasMessageStartingWith("serving.json: line 1, column ")
                .hasMessageContaining("malformed JSON: Duplicate field 'id'");
    }

    @Test
    void duplicateIdNamesBothFiles() {
        ProfileFiles.write(dir, "serving.json", ProfileFiles.shipped("serving"));
        ProfileCatalog builtIn = ProfileCatalog.builtIn();

        assertThatThrownBy(() -> builtIn.withProfilesFrom(dir))
                .isInstanceOf(ProfileLoadException.class)
                .hasMessage("serving.json: id: duplicate id \"serving\", already used by serving.json (built-in)");
        assertThat(builtIn.all()).as("a failed load changes nothing").hasSize(4);
    }

    @Test
    void idDifferentFromFileNameIsRejected() {
        assertLoadFails("bellabot.json", ProfileFiles.shipped("serving"), "id",
                "bellabot.json: id: must equal the file name without .json (\"bellabot\"), got \"serving\"");
    }

    @Test
    void siteProfilesAddToTheBuiltInOnes() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        profile.put("id", "serving-night-shift");
        ProfileFiles.write(dir, "serving-night-shift.json", profile);

        ProfileCatalog catalog = ProfileCatalog.builtIn().withProfilesFrom(dir);

        assertThat(catalog.all()).extracting(HardwareProfile::id).containsExactly("indoor-delivery", "sidewalk-delivery",
                "serving", "uvc-disinfection", "serving-night-shift");
    }

    @Test
    void commentFieldIsRejectedAsUnknown() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        profile.put("comment", "figures from the brochure");

        assertLoadFails("serving.json", profile, "comment",
                "serving.json: comment: unknown field; allowed here: estimates, factsheet, id, name, service, sources");
    }

    @Test
    void misspeltFactsheetFieldIsRejectedRatherThanIgnored() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "factsheet.physicalParameters").put("heightMIn", 0.2);

        assertLoadFails("serving.json", profile, "factsheet.physicalParameters.heightMIn",
                "serving.json: factsheet.physicalParameters.heightMIn: unknown field; not part of the VDA 5050 2.1.0 factsheet");
    }

    @Test
    void unknownKinematicNamesTheFactsheetPath() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "factsheet.typeSpecification").put("agvKinematic", "TANK");

        assertLoadFails("serving.json", profile, "factsheet.typeSpecification.agvKinematic", null)
                .hasMessageStartingWith("serving.json: factsheet.typeSpecification.agvKinematic: ")
                .hasMessageContaining("TANK");
    }

    @Test
    void missingFactsheetFieldIsRequired() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "factsheet.physicalParameters").remove("speedMax");

        assertLoadFails("serving.json", profile, "factsheet.physicalParameters.speedMax",
                "serving.json: factsheet.physicalParameters.speedMax: required");
    }

    @Test
    void zeroSpeedMaxIsRejected() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "factsheet.physicalParameters").put("speedMax", 0);

        assertLoadFails("serving.json", profile, "factsheet.physicalParameters.speedMax",
                "serving.json: factsheet.physicalParameters.speedMax: must be > 0 m/s, got 0");
    }

    @Test
    void idleDrawAboveMovingDrawIsRejected() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "service").put("powerIdleW", 60);

        assertLoadFails("serving.json", profile, "service.powerIdleW",
                "serving.json: service.powerIdleW: must not exceed powerMovingW (53.76 W), got 60");
    }

    @Test
    void massGivenAsTextIsRejected() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "service").put("massEmptyKg", "heavy");

        assertLoadFails("serving.json", profile, "service.massEmptyKg",
                "serving.json: service.massEmptyKg: must be a number, got \"heavy\"");
    }

    @Test
    void elevatorCapableRobotMustDeclareElevatorActions() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "service").put("elevatorCapable", true);

        assertLoadFails("serving.json", profile, "factsheet.protocolFeatures.agvActions",
                "serving.json: factsheet.protocolFeatures.agvActions: must declare \"elevatorBoard\": "
                        + "service.elevatorCapable is true");
    }

    @Test
    void robotWithoutElevatorCapabilityMustNotDeclareElevatorActions() {
        ObjectNode profile = ProfileFiles.shipped("indoor-delivery");
        ProfileFiles.at(profile, "service").put("elevatorCapable", false);

        assertLoadFails("indoor-delivery.json", profile, "factsheet.protocolFeatures.agvActions",
                "indoor-delivery.json: factsheet.protocolFeatures.agvActions: must not declare \"elevatorBoard\": "
                        + "service.elevatorCapable is false");
    }

    @Test
    void actionDeclaredTwiceIsRejected() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ArrayNode actions = (ArrayNode) ProfileFiles.at(profile, "factsheet.protocolFeatures").get("agvActions");
        actions.add(actions.get(0).deepCopy());

        assertLoadFails("serving.json", profile, "factsheet.protocolFeatures.agvActions[9].actionType",
                "serving.json: factsheet.protocolFeatures.agvActions[9].actionType: \"startPause\" is declared twice");
    }

    @Test
    void maxLoadMassMustMatchThePayload() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "factsheet.typeSpecification").put("maxLoadMass", 52);

        assertLoadFails("serving.json", profile, "factsheet.typeSpecification.maxLoadMass",
                "serving.json: factsheet.typeSpecification.maxLoadMass: must equal service.maxPayloadKg (40 kg), got 52");
    }

    @Test
    void timestampBelongsToMessagesNotProfiles() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "factsheet").put("timestamp", "2025-01-01T00:00:00.000Z");

        assertLoadFails("serving.json", profile, "factsheet.timestamp",
                "serving.json: factsheet.timestamp: not allowed here, got \"2025-01-01T00:00:00.000Z\"");
    }

    @Test
    void aMisspeltServiceFieldIsRefusedByTheSchemaNamingWhatIsAllowed() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ObjectNode service = ProfileFiles.at(profile, "service");
        service.set("massEmtyKg", service.remove("massEmptyKg"));
        assertLoadFails("serving.json", profile, "service.massEmptyKg", "serving.json: service.massEmptyKg: required");
        service.set("massEmptyKg", service.get("massEmtyKg"));
        assertLoadFails("serving.json", profile, "service.massEmtyKg", "serving.json: service.massEmtyKg: unknown field;"
                + " allowed here: batteryCapacityWh, chargePowerW, elevatorCapable, environment, kind, massEmptyKg,"
                + " maxPayloadKg, powerIdleW, powerMovingW, uvcIrradianceAt1mMicroWattPerCm2");
    }

    @Test
    void aBatteryOfOneE400WattHoursIsOutOfBoundsNotInfinite() throws Exception {
        String profile = ProfileFiles.shipped("serving").toString()
                .replaceFirst("\"batteryCapacityWh\":[0-9.]+", "\"batteryCapacityWh\":1e400");
        ProfileFiles.write(dir, "serving.json", profile);
        assertThatThrownBy(() -> ProfileCatalog.load(dir)).isInstanceOf(ProfileLoadException.class)
                .hasMessage("serving.json: service.batteryCapacityWh: must be at most 1000000, got 1E+400");
    }

    @Test
    void anElevatorFlagGivenAsTextIsNotCoerced() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ProfileFiles.at(profile, "service").put("elevatorCapable", "true");
        assertLoadFails("serving.json", profile, "service.elevatorCapable",
                "serving.json: service.elevatorCapable: must be true or false, got \"true\"");
    }

    @Test
    void sourceWithoutWebAddressIsRejected() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        ((ObjectNode) profile.get("sources").get(0)).put("url", "bellabot-datasheet.pdf");

        assertLoadFails("serving.json", profile, "sources[0].url",
                "serving.json: sources[0].url: must be an absolute http or https address, got \"bellabot-datasheet.pdf\"");
    }

    @Test
    void profileWithoutSourcesIsRejected() {
        ObjectNode profile = ProfileFiles.shipped("serving");
        profile.putArray("sources");

        assertLoadFails("serving.json", profile, "sources",
                "serving.json: sources: must have at least 1 element");
    }

    @Test
    void oneBadFileFailsTheWholeDirectory() {
        ProfileFiles.write(dir, "indoor-delivery.json", ProfileFiles.shipped("indoor-delivery"));
        ObjectNode bad = ProfileFiles.shipped("serving");
        ProfileFiles.at(bad, "service").put("chargePowerW", 0);
        ProfileFiles.write(dir, "serving.json", bad);

        assertThatThrownBy(() -> ProfileCatalog.load(dir))
                .isInstanceOf(ProfileLoadException.class)
                .hasMessage("serving.json: service.chargePowerW: must be more than 0, got 0");
    }

    @Test
    void missingDirectoryIsNamed() {
        Path missing = dir.resolve("no-such-dir");

        assertThatThrownBy(() -> ProfileCatalog.load(missing))
                .isInstanceOf(ProfileLoadException.class)
                .hasMessage(missing + ": not a directory");
    }

    @Test
    void directoryWithoutProfilesIsNamed() {
        ProfileFiles.write(dir, "README.txt", "profiles go here");

        assertThatThrownBy(() -> ProfileCatalog.load(dir))
                .isInstanceOf(ProfileLoadException.class)
                .hasMessage(dir + ": contains no *.json profile files");
    }

    @Test
    void validCopiesOfTheShippedProfilesLoadFromADirectory() {
        for (String id : new String[] {"indoor-delivery", "sidewalk-delivery", "serving", "uvc-disinfection"}) {
            ProfileFiles.write(dir, id + ".json", ProfileFiles.shipped(id));
        }

        assertThat(ProfileCatalog.load(dir).all()).containsExactlyInAnyOrderElementsOf(ProfileCatalog.builtIn().all());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(String fileName, ObjectNode profile,
                                                                           String field, String message) {
        ProfileFiles.write(dir, fileName, profile);
        AbstractThrowableAssert<?, ? extends Throwable> failure = assertThatThrownBy(() -> ProfileCatalog.load(dir))
                .isInstanceOf(ProfileLoadException.class)
                .satisfies(e -> {
                    ProfileLoadException load = (ProfileLoadException) e;
                    assertThat(load.file()).isEqualTo(fileName);
                    assertThat(load.field()).contains(field);
                });
        if (message != null) {
            failure.hasMessage(message);
        }
        return failure;
    }
}
