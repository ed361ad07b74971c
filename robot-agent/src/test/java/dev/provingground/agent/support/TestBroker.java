package dev.provingground.agent.support;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.MqttTopicSubscription;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small MQTT broker for the agent's socket-level tests (the agent must work with any broker, and its module may not
 * use the fleet server): routes PUBLISHes to matching subscriptions, acknowledges QoS 1, publishes the will of a
 * client whose link drops without DISCONNECT, and records every message. {@link #cut} drops every client and refuses
 * new ones until {@link #restore}, as a network outage would.
 */
public final class TestBroker implements AutoCloseable {

    /** One message a client published. */
    public record Message(String topic, byte[] payload, boolean fromWill) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Vertx vertx;
    private final MqttServer server;
    private final Map<MqttEndpoint, Set<String>> clients = new ConcurrentHashMap<>();
    private final Set<MqttEndpoint> cleanlyGone = ConcurrentHashMap.newKeySet();
    private final Set<MqttEndpoint> frozen = ConcurrentHashMap.newKeySet();
    public final List<Message> messages = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    private TestBroker(Vertx vertx, MqttServerOptions options) {
        this.vertx = vertx;
        this.server = MqttServer.create(vertx, options.setHost("127.0.0.1").setPort(0));
        server.endpointHandler(this::onConnect);
    }

    public static TestBroker start(Vertx vertx) {
        return started(new TestBroker(vertx, new MqttServerOptions()));
    }

    /** A broker speaking MQTTS only, with the certificate chain and key in these PEM files. */
    public static TestBroker startTls(Vertx vertx, Path certFile, Path keyFile) {
        return started(new TestBroker(vertx, new MqttServerOptions().setSsl(true).setKeyCertOptions(
                new PemKeyCertOptions().setCertPath(certFile.toString()).setKeyPath(keyFile.toString()))));
    }

    private static TestBroker started(TestBroker b) {
        Eventually.result(b.server.listen());
        return b;
    }

    public int port() {
        return server.actualPort();
    }

    private void onConnect(MqttEndpoint e) {
        if (refusing) {
            e.reject(io.netty.handler.codec.mqtt.MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        Set<String> subscriptions = ConcurrentHashMap.newKeySet();
        clients.put(e, subscriptions);
        e.publishAutoAck(false);
        e.autoKeepAlive(false);
        e.pingHandler(v -> {
            if (!frozen.contains(e)) e.pong();
        });
        e.publishHandler(m -> {
            if (frozen.contains(e)) return; // lost on the way
            if (m.qosLevel() == MqttQoS.AT_LEAST_ONCE) e.publishAcknowledge(m.messageId());
            messages.add(new Message(m.topicName(), m.payload().getBytes(), false));
            route(m.topicName(), m.payload());
        });
        e.subscribeHandler(sub -> {
            List<MqttQoS> granted = new ArrayList<>();
            for (MqttTopicSubscription s : sub.topicSubscriptions()) {
                subscriptions.add(s.topicName());
                granted.add(MqttQoS.AT_MOST_ONCE);
            }
            e.subscribeAcknowledge(sub.messageId(), granted);
        });
        e.disconnectMessageHandler(d -> {
            if (!frozen.contains(e)) cleanlyGone.add(e);
        });
        e.closeHandler(v -> {
            clients.remove(e);
            frozen.remove(e);
            if (!cleanlyGone.remove(e) && e.will() != null && e.will().isWillFlag()) {
                messages.add(new Message(e.will().getWillTopic(), e.will().getWillMessageBytes(), true));
                route(e.will().getWillTopic(), Buffer.buffer(e.will().getWillMessageBytes()));
            }
        });
        e.accept(false);
    }

    private void route(String topic, Buffer payload) {
        clients.forEach((client, filters) -> {
            if (frozen.contains(client)) return;
            for (String f : filters) {
                if (matches(f, topic)) {
                    client.publish(topic, payload, MqttQoS.AT_MOST_ONCE, false, false);
                    return;
                }
            }
        });
    }

    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) return true;
            if (i >= t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) return false;
        }
        return f.length == t.length;
    }

    /** Publishes to subscribers, as a fleet server would send an order. */
    public void publish(String topic, byte[] payload) {
        vertx.runOnContext(v -> route(topic, Buffer.buffer(payload)));
    }

    /** Drops every client without DISCONNECT and refuses new ones until {@link #restore()}. */
    public void cut() {
        refusing = true;
        vertx.runOnContext(v -> clients.keySet().forEach(MqttEndpoint::close));
    }

    /**
     * The network silently stops carrying the present clients' packets both ways (Wi-Fi gone): nothing is closed,
     * nothing arrives, pings go unanswered. New connections work.
     */
    public void freeze() {
        frozen.addAll(clients.keySet());
    }

    public void restore() {
        refusing = false;
    }

    public int clientCount() {
        return clients.size();
    }

    public List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        Future<Void> closing = server.close();
        Eventually.result(closing);
    }
}
