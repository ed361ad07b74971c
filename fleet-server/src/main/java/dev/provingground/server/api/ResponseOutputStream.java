package dev.provingground.server.api;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An HTTP response body written by a worker thread as it is produced: bytes go out in chunks of {@value #CHUNK}
 * (chunked transfer encoding) from the response's own event loop, and the worker waits while the connection's write
 * queue is full, so a slow client holds the writer back instead of the bytes piling up in the heap. The status and
 * headers go with the first chunk: a failure before that can still be answered with an error ({@link #started()}).
 */
final class ResponseOutputStream extends OutputStream {

    static final int CHUNK = 64 * 1024;

    private final HttpServerResponse response;
    private final Context context;
    /** Sets the status and headers, on the event loop, just before the first bytes. */
    private final Runnable head;
    private final byte[] buffer = new byte[CHUNK];
    private int used;
    private volatile boolean started;
    private boolean closed;
    /** The chunk waiting for the write queue to drain; touched on the event loop only. */
    private CompletableFuture<Void> waiting;

    ResponseOutputStream(HttpServerResponse response, Context context, Runnable head) {
        this.response = response;
        this.context = context;
        this.head = head;
    }

    /** Whether any byte (and so the status) has gone out: after that, a failure can only cut the response short. */
    boolean started() {
        return started;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) send(false);
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (used == CHUNK) send(false);
            int n = Math.min(length, CHUNK - used);
            System.arraycopy(bytes, offset, buffer, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    /** Sends what is buffered and ends the response. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        send(true);
    }

    private void send(boolean last) throws IOException {
        Buffer chunk = Buffer.buffer(used).appendBytes(buffer, 0, used);
        used = 0;
        CompletableFuture<Void> sent = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                if (response.closed()) {
                    sent.completeExceptionally(new IOException("the client closed the connection"));
                    return;
                }
                if (!started) {
                    // A client gone while the writer waits for the queue to drain would otherwise hold it for good.
                    response.closeHandler(c -> {
                        if (waiting != null) waiting.completeExceptionally(
                                new IOException("the client closed the connection"));
                    });
                    head.run();
                    if (!last) response.setChunked(true);
                    started = true;
                }
                if (last) {
                    response.end(chunk).onComplete(done -> sent.complete(null));
                } else {
                    response.write(chunk);
                    if (response.writeQueueFull()) {
                        waiting = sent;
                        response.drainHandler(d -> {
                            waiting = null;
                            sent.complete(null);
                        });
                    } else {
                        sent.complete(null);
                    }
                }
            } catch (RuntimeException e) {
                sent.completeExceptionally(e);
            }
        });
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the response was written");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        }
    }
}
