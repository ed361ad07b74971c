package dev.provingground.vda5050;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Duration;

class RecordsTest {

    @Test
    void listsAreNeverNullAndCannotBeChangedAfterwards() {
        List<Node> nodes = new ArrayList<>(List.of(Node.of("n", 0, true, null, null)));
        Order order = Order.create("o", 0, nodes, null);
        nodes.clear();

        assertThat(order.nodes()).hasSize(1);
        assertThat(order.edges()).isEmpty();
        assertThat(order.nodes().get(0).actions()).isEmpty();
        assertThatThrownBy(() -> order.nodes().add(Node.of("x", 1, true, null, null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullListElementIsRejectedWithItsPosition() {
        List<Action> actions = new ArrayList<>();
        actions.add(Action.instant("a", "1", BlockingType.NONE, null));
        actions.add(null);

        assertThatThrownBy(() -> InstantActions.create(actions))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("InstantActions.actions[1] is null");
    }

    @Test
    void actionParameterValuesCompareEqualWhateverJavaNumberTypeBuiltThem() {
        assertThat(ActionParameter.of("n", 5)).isEqualTo(ActionParameter.of("n", 5L));
        assertThat(ActionParameter.of("n", 2.5f)).isEqualTo(ActionParameter.of("n", 2.5));
        assertThat(ActionParameter.of("n", new BigDecimal("1.5"))).isEqualTo(ActionParameter.of("n", 1.5));
        assertThat(ActionParameter.of("m", Map.of("k", List.of(1, (short) 2))).value())
                .isEqualTo(Map.of("k", List.of(1L, 2L)));
    }

    @Test
    void actionParameterRejectsValuesThatAreNotJson() {
        assertThatThrownBy(() -> ActionParameter.of("when", Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ActionParameter when").hasMessageContaining("Duration");
    }

    @Test
    void factoriesLeaveTheHeaderEmptyUntilWithHeader() {
        Header header = SampleMessages.header(9);
        Connection empty = Connection.create(ConnectionState.OFFLINE);

        assertThat(empty.headerId()).isZero();
        assertThat(empty.timestamp()).isNull();
        assertThat(empty.manufacturer()).isNull();
        assertThat(empty.withHeader(header).header()).isEqualTo(header);
        assertThat(empty.withHeader(header).connectionState()).isEqualTo(ConnectionState.OFFLINE);
    }

    @Test
    void withHeaderReplacesOnlyTheHeader() {
        Header header = new Header(99, SampleMessages.TIME.plusSeconds(1), "2.1.0", "other", "r2");
        for (VdaMessage message : SampleMessages.all()) {
            VdaMessage restamped = message.withHeader(header);
            assertThat(restamped.header()).isEqualTo(header);
            assertThat(restamped.getClass()).isEqualTo(message.getClass());
            assertThat(restamped.withHeader(message.header())).isEqualTo(message);
        }
    }
}
