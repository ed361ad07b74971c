package dev.provingground.server.metrics;

/** Where a part reports how long one unit of its work took; {@link #NONE} until the wiring gives it a histogram. */
@FunctionalInterface
public interface Latency {

    Latency NONE = nanos -> { };

    void record(long nanos);
}
