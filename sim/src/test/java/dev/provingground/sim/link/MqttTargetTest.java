package dev.provingground.sim.link;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttClientOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttTargetTest {

    @Test
    void aPlainTargetLeavesTheClientOnPlainMqtt() {
        MqttClientOptions options = MqttTarget.plain("127.0.0.1", 1883).applyTo(new MqttClientOptions());
        assertThat(options.isSsl()).isFalse();
        assertThat(options.getTrustOptions()).isNull();
        assertThat(MqttTarget.plain("127.0.0.1", 1883)).hasToString("mqtt://127.0.0.1:1883");
    }

    @Test
    void aCaFileMeansTlsTrustingThatCaOnlyAndCheckingTheHostName() {
        MqttTarget target = new MqttTarget("localhost", 8883, false, Path.of("ca.pem"));
        assertThat(target.tls()).as("a CA file is for TLS").isTrue();
        MqttClientOptions options = target.applyTo(new MqttClientOptions());
        assertThat(options.isSsl()).isTrue();
        assertThat(options.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(((PemTrustOptions) options.getTrustOptions()).getCertPaths()).containsExactly("ca.pem");
        assertThat(target).hasToString("mqtts://localhost:8883");
    }

    @Test
    void tlsWithoutACaFileTrustsTheJvmsCas() {
        MqttClientOptions options = new MqttTarget("fleet.example.org", 8883, true, null)
                .applyTo(new MqttClientOptions());
        assertThat(options.isSsl()).isTrue();
        assertThat(options.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(options.getTrustOptions()).isNull();
    }

    @Test
    void aTargetWithoutHostOrWithAPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> MqttTarget.plain(" ", 1883)).hasMessageContaining("host");
        assertThatThrownBy(() -> MqttTarget.plain("localhost", 0)).hasMessageContaining("port");
    }
}
