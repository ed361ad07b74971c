package dev.provingground.server.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionGateTest {

    @Test
    void oneAddressGetsNoMoreThanItsShareAndTheTotalIsCapped() {
        ConnectionGate gate = new ConnectionGate(3, 2);
        assertThat(gate.tryOpen("a")).isTrue();
        assertThat(gate.tryOpen("a")).isTrue();
        assertThat(gate.tryOpen("a")).as("third from a").isFalse();
        assertThat(gate.tryOpen("b")).isTrue();
        assertThat(gate.tryOpen("c")).as("over the total").isFalse();
        assertThat(gate.refused()).isEqualTo(2);

        gate.closed("a");
        assertThat(gate.open()).isEqualTo(2);
        assertThat(gate.tryOpen("c")).isTrue();
    }
}
