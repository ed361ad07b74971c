package dev.provingground.trackrecord.store;

/**
 * The track record cannot take this request now: its storage is failing (disk full, I/O errors) and the writer is
 * retrying, or it holds as many events as it may. Worth trying again later; nothing of the request was stored.
 */
public final class StorageUnavailableException extends IllegalStateException {

    public StorageUnavailableException(String message) {
        super(message);
    }
}
