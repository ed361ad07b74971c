package dev.provingground.trackrecord.store;

import java.io.IOException;
import java.time.Instant;

/**
 * Whether the track record can write, as its writer last found.
 *
 * @param failing       true from a failed write until the writer has committed again
 * @param reason        the storage error in force (e.g. "No space left on device"); null while writing works
 * @param since         when writing first failed in this spell; null while writing works
 * @param heldEvents    events accepted while failing, kept in memory and written once storage works again
 * @param droppedEvents events refused since the store opened because the writer could hold no more
 * @param outages       spells of failing storage since the store opened
 */
public record StorageHealth(boolean failing, String reason, Instant since, int heldEvents, long droppedEvents,
                            long outages) {

    /** The most telling message of a storage failure: the deepest I/O error's (e.g. "No space left on device"). */
    public static String reasonOf(Throwable error) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            message = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}
