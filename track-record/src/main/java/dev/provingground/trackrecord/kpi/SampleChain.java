package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.StateSamples;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One robot's samples in time order, as far as travel is joined from them: live samples extend the chain at its end;
 * late samples (a backfill sent after a lost link) are put where they belong in time, so the straight join across the
 * gap they fill is replaced by the joins through them. The most recent {@link #KEEP} samples are kept for that; a late
 * sample older than all of them, once older ones were let go, cannot be placed and is left out.
 */
final class SampleChain {

    /** Samples kept per robot for placing late ones: at the server's 1 s spacing, over an hour of travel. */
    static final int KEEP = 4096;

    /** Adds ({@code sign} +1) or takes back (-1) what joining two consecutive samples counts. */
    interface Joins {
        void join(StateSamples.Sample earlier, StateSamples.Sample later, int sign);
    }

    private final TreeMap<Instant, StateSamples.Sample> recent = new TreeMap<>();
    private boolean forgotten;

    /** A live sample: joined to the latest one; ignored when not after it. */
    void live(StateSamples.Sample sample, Joins joins) {
        Map.Entry<Instant, StateSamples.Sample> last = recent.lastEntry();
        if (last != null && !sample.time().isAfter(last.getKey())) return;
        if (last != null) joins.join(last.getValue(), sample, 1);
        keep(sample);
    }

    /** A late sample: spliced in between its neighbours in time; a second sample of the same time is ignored. */
    void late(StateSamples.Sample sample, Joins joins) {
        if (recent.containsKey(sample.time())) return;
        Map.Entry<Instant, StateSamples.Sample> before = recent.lowerEntry(sample.time());
        Map.Entry<Instant, StateSamples.Sample> after = recent.higherEntry(sample.time());
        if (before == null && forgotten) return;
        if (before != null && after != null) joins.join(before.getValue(), after.getValue(), -1);
        if (before != null) joins.join(before.getValue(), sample, 1);
        if (after != null) joins.join(sample, after.getValue(), 1);
        keep(sample);
    }

    private void keep(StateSamples.Sample sample) {
        recent.put(sample.time(), sample);
        if (recent.size() > KEEP) {
            recent.pollFirstEntry();
            forgotten = true;
        }
    }
}
