package dev.provingground.app.agent;

import dev.provingground.server.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a robot and the fleet's MQTT endpoint that can go down like a network: {@link #down()} drops
 * every connection and refuses new ones until {@link #up()}, so the robot sees an outage of the length the test
 * wants, not a blip it reconnects through at once.
 */
final class OutageProxy implements AutoCloseable {

    private final NetServer server;
    private final NetClient client;
    private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private OutageProxy(Vertx vertx, int targetPort) {
        this.client = vertx.createNetClient();
        this.server = vertx.createNetServer().connectHandler(inbound -> {
            if (down) {
                inbound.close();
                return;
            }
            inbound.pause();
            client.connect(targetPort, "127.0.0.1").onSuccess(outbound -> {
                sockets.add(inbound);
                sockets.add(outbound);
                inbound.handler(outbound::write);
                outbound.handler(inbound::write);
                inbound.closeHandler(v -> outbound.close());
                outbound.closeHandler(v -> inbound.close());
                inbound.resume();
            }).onFailure(e -> inbound.close());
        });
    }

    static OutageProxy start(Vertx vertx, int targetPort) {
        OutageProxy proxy = new OutageProxy(vertx, targetPort);
        Await.result(proxy.server.listen(0, "127.0.0.1"));
        return proxy;
    }

    int port() {
        return server.actualPort();
    }

    void down() {
        down = true;
        sockets.forEach(NetSocket::close);
        sockets.clear();
    }

    void up() {
        down = false;
    }

    @Override
    public void close() {
        down();
        Await.result(server.close());
        Await.result(client.close());
    }
}
