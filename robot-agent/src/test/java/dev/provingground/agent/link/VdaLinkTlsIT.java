package dev.provingground.agent.link;

import dev.provingground.agent.support.Eventually;
import dev.provingground.agent.support.OnContext;
import dev.provingground.agent.support.TestBroker;
import dev.provingground.vda5050.HeaderCounter;
import dev.provingground.vda5050.InstantActions;
import dev.provingground.vda5050.Order;
import dev.provingground.vda5050.Vda5050Codec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's MQTT link to a broker that speaks MQTTS only, over real loopback sockets: with the CA that signed the
 * broker's certificate ({@code mqtt.tls.caFile}) the link comes up; with another CA it never does, and says why as a
 * warning instead of retrying in silence.
 */
class VdaLinkTlsIT {

    private final Vertx vertx = Vertx.vertx();
    private final TestBroker broker = TestBroker.startTls(vertx, resource("broker.pem"), resource("broker.key"));
    private final Logger linkLog = Logger.getLogger(VdaLink.class.getName());
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final AtomicInteger connects = new AtomicInteger();
    /** The link lives on one context, as on the agent's. */
    private final OnContext context = new OnContext(vertx);
    private VdaLink link;

    VdaLinkTlsIT() {
        linkLog.addHandler(capture);
    }

    @AfterEach
    void stop() {
        linkLog.removeHandler(capture);
        if (link != null) Eventually.result(context.call(link::stop));
        broker.close();
        Eventually.result(vertx.close());
    }

    @Test
    void withTheCaThatSignedTheBrokersCertificateTheLinkComesUpOverTls() {
        link = start(resource("ca.pem"));
        Eventually.until("the link up over MQTTS", Duration.ofSeconds(20), () -> connects.get() == 1);
        Eventually.until("ONLINE at the broker", Duration.ofSeconds(10),
                () -> broker.on("uagv/v2/Acme/R-1/connection").stream().anyMatch(m -> m.text().contains("ONLINE")));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsRefusedAndSaidSoAsAWarning() {
        link = start(resource("other-ca.pem"));
        Eventually.until("a warning about the refused certificate", Duration.ofSeconds(20),
                () -> warnings.stream().anyMatch(w -> w.contains("refused over TLS") && w.contains("mqtt.tls.caFile")));
        assertThat(connects.get()).isZero();
        assertThat(broker.clientCount()).isZero();
        assertThat(broker.messages).isEmpty();
    }

    private VdaLink start(Path caFile) {
        VdaLink started = new VdaLink(vertx, new VdaLink.Options("localhost", broker.port(), null, null, 5,
                Duration.ofMillis(100), Duration.ofMillis(500), true, caFile), new Vda5050Codec(),
                new HeaderCounter("Acme", "R-1"), new VdaLink.Listener() {
            @Override
            public void connected() {
                connects.incrementAndGet();
            }

            @Override
            public void disconnected() {
            }

            @Override
            public void confirmed() {
            }

            @Override
            public void order(Order order) {
            }

            @Override
            public void instantActions(InstantActions actions) {
            }

            @Override
            public void badMessage(String topic, String why) {
            }
        });
        context.run(started::start);
        return started;
    }

    private static Path resource(String name) {
        try {
            return Path.of(VdaLinkTlsIT.class.getResource("/tls/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
