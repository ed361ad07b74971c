package dev.provingground.server.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback between a robot and the server, to break links the ways real networks do:
 * {@link #cut()} closes the sockets (the robot vanished without an MQTT DISCONNECT), {@link #freeze()} silently
 * drops every byte from then on (a dead radio link: only keepalive can notice).
 */
public final class TcpProxy implements AutoCloseable {

    private final Vertx vertx;
    private final NetServer server;
    private final NetClient client;
    private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    private TcpProxy(Vertx vertx, int targetPort) {
        this.vertx = vertx;
        this.client = vertx.createNetClient();
        this.server = vertx.createNetServer().connectHandler(inbound -> {
            inbound.pause();
            client.connect(targetPort, "127.0.0.1").onSuccess(outbound -> {
                sockets.add(inbound);
                sockets.add(outbound);
                relay(inbound, outbound);
                relay(outbound, inbound);
                inbound.resume();
            }).onFailure(e -> inbound.close());
        });
    }

    private void relay(NetSocket from, NetSocket to) {
        from.handler(data -> {
            if (!frozen) to.write(data);
        });
        from.closeHandler(v -> {
            if (!frozen) to.close();
        });
    }

    public static TcpProxy start(Vertx vertx, int targetPort) {
        TcpProxy proxy = new TcpProxy(vertx, targetPort);
        Await.result(proxy.server.listen(0, "127.0.0.1"));
        return proxy;
    }

    public int port() {
        return server.actualPort();
    }

    public void cut() {
        sockets.forEach(NetSocket::close);
    }

    public void freeze() {
        frozen = true;
    }

    @Override
    public void close() {
        frozen = true;
        sockets.forEach(NetSocket::close);
        Await.result(server.close());
        Await.result(client.close());
    }
}
