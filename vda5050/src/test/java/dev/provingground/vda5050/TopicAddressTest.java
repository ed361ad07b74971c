package dev.provingground.vda5050;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicAddressTest {

    @Test
    void ofUsesUagvAndMajorVersionTwo() {
        TopicAddress address = TopicAddress.of("acme", "db-0042", Topic.INSTANT_ACTIONS);

        assertThat(address.interfaceName()).isEqualTo("uagv");
        assertThat(address.majorVersion()).isEqualTo("v2");
        assertThat(address).hasToString("uagv/v2/acme/db-0042/instantActions");
    }

    @Test
    void parseReadsEveryPart() {
        assertThat(TopicAddress.parse("uagv/v2/acme/db-0042/state"))
                .contains(new TopicAddress("uagv", "v2", "acme", "db-0042", Topic.STATE));
    }

    @Test
    void parseAndToStringRoundTripForEveryTopic() {
        for (Topic topic : Topic.values()) {
            TopicAddress address = TopicAddress.of("Acme Robotics", "SN.1-x_2", topic);
            assertThat(TopicAddress.parse(address.toString())).contains(address);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "uagv/v2/m/s/unknown",
            "uagv/v2/m/s/State",
            "uagv/v1/m/s/state",
            "uagv/v3/m/s/state",
            "agv/v2/m/s/state",
            "uagv/v2/m/+/state",
            "uagv/v2/+/s/state",
            "uagv/v2/m/s/#",
            "uagv/v2/m/s#/state",
            "uagv/v2/m+x/s/state",
            "uagv/v2/m/s",
            "uagv/v2/m",
            "uagv/v2/m/s/state/extra",
            "uagv/v2//s/state",
            "uagv/v2/m//state",
            "/uagv/v2/m/s/state",
            "uagv/v2/m/s/state/",
            "uagv/v2/m/../state",
            "uagv/v2/m/./state",
            "uagv/v2/../s/state",
            "uagv/v2/m/.hidden/state",
            "uagv/v2/m/-s/state",
            ""})
    void parseRejectsAnythingButAKnownRobotTopic(String mqttTopic) {
        assertThat(TopicAddress.parse(mqttTopic)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "-x", "a/b", "a+b", "a b"})
    void aSerialNumberLikeDotDotOrWithASlashNamesNoRobotTopic(String serialNumber) {
        assertThat(TopicAddress.isSerialNumber(serialNumber)).isFalse();
        assertThatThrownBy(() -> TopicAddress.of("acme", serialNumber, Topic.STATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serialNumber");
    }

    @Test
    void parseRejectsNull() {
        assertThat(TopicAddress.parse(null)).isEmpty();
    }

    @Test
    void robotPrefixEndsWithSlash() {
        assertThat(TopicAddress.robotPrefix("acme", "db-0042")).isEqualTo("uagv/v2/acme/db-0042/");
        assertThat(TopicAddress.of("acme", "db-0042", Topic.FACTSHEET).toString())
                .startsWith(TopicAddress.robotPrefix("acme", "db-0042"));
    }

    @Test
    void wildcardsOrSlashesInIdentityAreRejectedWithTheFieldNamed() {
        assertThatThrownBy(() -> TopicAddress.of("acme", "+", Topic.STATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serialNumber").hasMessageContaining("\"+\"");
        assertThatThrownBy(() -> TopicAddress.of("ac/me", "s", Topic.STATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manufacturer");
        assertThatThrownBy(() -> TopicAddress.robotPrefix("", "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manufacturer");
        assertThatThrownBy(() -> TopicAddress.robotPrefix("m", "#"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serialNumber");
    }
}
