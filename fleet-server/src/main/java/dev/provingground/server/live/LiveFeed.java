package dev.provingground.server.live;

import dev.provingground.server.auth.Principal;
import dev.provingground.server.events.EventSink;
import dev.provingground.trackrecord.event.TrackEvent;
import io.vertx.core.http.ServerWebSocket;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.nio.charset.StandardCharsets;

/**
 * {@code /api/v1/live}: every event, as it happens, to each connected WebSocket client that may see it (a vendor
 * only its own firm's and site-wide ones). A client that cannot keep up loses messages rather than slowing the
 * server: its write queue is bounded and overflowing messages are dropped and counted.
 */
public final class LiveFeed implements EventSink {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class.getName());

    private final Map<ServerWebSocket, Principal> clients = new ConcurrentHashMap<>();
    private long dropped;

    public void attach(ServerWebSocket socket, Principal principal) {
        socket.setWriteQueueMaxSize(1024 * 1024);
        clients.put(socket, principal);
        socket.closeHandler(v -> clients.remove(socket));
        socket.exceptionHandler(e -> LOG.fine(() -> "live client: " + e));
        socket.textMessageHandler(text -> { }); // the feed is one-way; clients' messages are ignored
    }

    @Override
    public CompletableFuture<Void> accept(TrackEvent event, byte[] json) {
        if (clients.isEmpty()) return DONE;
        String text = new String(json, StandardCharsets.UTF_8);
        clients.forEach((socket, principal) -> {
            if (event.firm() != null && !principal.mayActFor(event.firm())) return;
            // A browser that just went away is closed before its close handler runs: it is let go here, and must not
            // cost the other clients this event.
            if (socket.isClosed()) {
                clients.remove(socket);
                return;
            }
            if (socket.writeQueueFull()) {
                dropped++;
                return;
            }
            socket.writeTextMessage(text);
        });
        return DONE;
    }

    public int clients() {
        return clients.size();
    }

    public long dropped() {
        return dropped;
    }
}
