package dev.provingground.vda5050;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTest {

    @Test
    void wireNamesAreTheMqttTopicLevels() {
        assertThat(Topic.values()).extracting(Topic::wireName)
                .containsExactly("order", "instantActions", "state", "visualization", "connection", "factsheet");
    }

    @Test
    void fromWireFindsExactNamesOnly() {
        assertThat(Topic.fromWire("instantActions")).contains(Topic.INSTANT_ACTIONS);
        assertThat(Topic.fromWire("state")).contains(Topic.STATE);
        assertThat(Topic.fromWire("State")).isEmpty();
        assertThat(Topic.fromWire("instantactions")).isEmpty();
        assertThat(Topic.fromWire("")).isEmpty();
        assertThat(Topic.fromWire(null)).isEmpty();
    }

    @Test
    void robotPublishesStateVisualizationConnectionAndFactsheet() {
        assertThat(Topic.values()).filteredOn(Topic::robotPublishes)
                .containsExactly(Topic.STATE, Topic.VISUALIZATION, Topic.CONNECTION, Topic.FACTSHEET);
    }

    @Test
    void eachTopicNamesItsMessageClassAndBack() {
        assertThat(Topic.ORDER.messageClass()).isEqualTo(Order.class);
        assertThat(Topic.INSTANT_ACTIONS.messageClass()).isEqualTo(InstantActions.class);
        assertThat(Topic.STATE.messageClass()).isEqualTo(State.class);
        assertThat(Topic.VISUALIZATION.messageClass()).isEqualTo(Visualization.class);
        assertThat(Topic.CONNECTION.messageClass()).isEqualTo(Connection.class);
        assertThat(Topic.FACTSHEET.messageClass()).isEqualTo(Factsheet.class);
        for (Topic topic : Topic.values()) {
            assertThat(Topic.of(topic.messageClass())).isEqualTo(topic);
        }
        for (VdaMessage message : SampleMessages.all()) {
            assertThat(message.topic().messageClass()).isEqualTo(message.getClass());
        }
    }

    @Test
    void topicOfRejectsTheInterfaceItself() {
        assertThatThrownBy(() -> Topic.of(VdaMessage.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VdaMessage.class.getName());
    }
}
