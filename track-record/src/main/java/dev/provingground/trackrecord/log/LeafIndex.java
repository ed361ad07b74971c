package dev.provingground.trackrecord.log;

/** Where an appended event landed: its log and its 0-based leaf index. */
public record LeafIndex(LogId log, long index) {

    public LeafIndex {
        if (log == null) {
            throw new IllegalArgumentException("leaf index needs a log");
        }
        if (index < 0) {
            throw new IllegalArgumentException("leaf index must not be negative, got " + index);
        }
    }
}
