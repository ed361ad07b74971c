package dev.provingground.trackrecord.event;

/**
 * {@code record.gap}: events meant for this log that the track record had to refuse, written as soon as it could
 * write again. Refusals happen when storage failed for longer than the writer could hold events in memory, or when
 * the writer fell too far behind; the record says how many, so a gap is never silent.
 *
 * @param dropped how many events were refused since the last {@code record.gap} of this log
 * @param reason  why, e.g. the storage error that was in force
 */
public record RecordGap(long dropped, String reason) implements EventBody {

    public RecordGap {
        if (dropped < 1) {
            throw new IllegalArgumentException("dropped must be at least 1, got " + dropped);
        }
        Require.text(reason, "reason");
    }
}
