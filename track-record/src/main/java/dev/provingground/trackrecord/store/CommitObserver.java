package dev.provingground.trackrecord.store;

/**
 * Told how long each group commit took, so a server can publish commit latency without this library knowing how
 * metrics are kept. Called on the writer thread: it must be quick and must not throw.
 */
@FunctionalInterface
public interface CommitObserver {

    CommitObserver NONE = nanos -> { };

    /** @param nanos time from the start of a group commit until it was durable */
    void committed(long nanos);
}
