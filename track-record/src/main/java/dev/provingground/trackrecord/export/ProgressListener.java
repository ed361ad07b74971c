package dev.provingground.trackrecord.export;

/** Told how far a long export has got. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} events written so far; called from the exporting thread. */
    void progress(long done, long total);
}
