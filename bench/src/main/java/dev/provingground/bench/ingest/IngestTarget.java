package dev.provingground.bench.ingest;

import java.time.Duration;
import java.util.Map;

/** What the generator's messages go to in one phase, and how to read what it did with them. */
interface IngestTarget {

    /** How long a reading may take before that second counts as unanswered. */
    Duration SAMPLE_TIMEOUT = Duration.ofSeconds(10);

    /** For the report: "server" or "mosquitto". */
    String name();

    /**
     * States handled to the end (server) or forwarded to the subscriber (Mosquitto) so far, and the heap then.
     *
     * @throws IllegalStateException when the target does not answer within {@link #SAMPLE_TIMEOUT}
     */
    Sample sample();

    /** The target process's CPU time so far. */
    Duration cpu();

    /** The end of the target's log, to show when it stops answering; empty where there is none. */
    default String lastWords() {
        return "";
    }

    /** CPU time per thread name of the target's process, where it says; empty otherwise. */
    default Map<String, Long> threadCpuNanos() {
        return Map.of();
    }

    /** How often the target's JVM ran a task late, where it says; {@link StallFile.Stalls#NONE} otherwise. */
    default StallFile.Stalls stalls() {
        return StallFile.Stalls.NONE;
    }

    /** @param heapBytes heap in use, or -1 where the target does not say */
    record Sample(long delivered, long heapBytes) {
    }
}
