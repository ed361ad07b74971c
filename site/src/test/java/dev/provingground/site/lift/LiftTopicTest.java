package dev.provingground.site.lift;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiftTopicTest {

    @Test
    void requestAndStateTopicsFollowTheSiteAndLiftName() {
        assertThat(LiftTopic.request("demo", "A1").toString()).isEqualTo("lifts/demo/A1/request");
        assertThat(LiftTopic.state("demo", "A1").toString()).isEqualTo("lifts/demo/A1/state");
        assertThat(LiftTopic.allStates("demo")).isEqualTo("lifts/demo/+/state");
    }

    @Test
    void parsingReadsBackOurTopicsAndIgnoresOthers() {
        assertThat(LiftTopic.parse("lifts/demo/A1/state")).contains(LiftTopic.state("demo", "A1"));
        assertThat(LiftTopic.parse("lifts/demo/A1/request")).contains(LiftTopic.request("demo", "A1"));
        assertThat(LiftTopic.parse("uagv/v2/Acme/S-1/state")).isEmpty();
        assertThat(LiftTopic.parse("lifts/demo/A1/state/extra")).isEmpty();
        assertThat(LiftTopic.parse("lifts/demo//state")).isEmpty();
    }

    @Test
    void liftNamesThatWouldBreakTheTopicAreRefused() {
        assertThatThrownBy(() -> LiftTopic.state("demo", "A/1")).hasMessageContaining("lift_name").hasMessageContaining("A/1");
        assertThatThrownBy(() -> LiftTopic.request("de+mo", "A1")).hasMessageContaining("site");
    }
}
