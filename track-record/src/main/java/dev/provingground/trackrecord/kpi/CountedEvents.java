package dev.provingground.trackrecord.kpi;

import dev.provingground.trackrecord.event.TrackEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A kind of rare event counted in total, by a breakdown, and as rates per 1000 km and per operating hour with their
 * exact 95 % intervals: {@code <prefix>.count}, {@code <prefix>.<breakdown>.<key>}, {@code <prefix>.per_1000_km},
 * {@code <prefix>.per_hour}. One line in {@link KpiAccumulator} adds a new kind.
 */
final class CountedEvents implements KpiSection {

    private final String prefix;
    private final Function<TrackEvent, String> classify;
    private final String breakdown;
    private final boolean rates;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    /**
     * @param classify  the breakdown key of an event that counts, or {@code null} for one that does not
     * @param breakdown name of the breakdown, or {@code null} for none
     * @param keys      every breakdown key, in report order
     */
    CountedEvents(String prefix, Function<TrackEvent, String> classify, String breakdown, List<String> keys) {
        this(prefix, classify, breakdown, keys, true);
    }

    private CountedEvents(String prefix, Function<TrackEvent, String> classify, String breakdown, List<String> keys,
                          boolean rates) {
        this.rates = rates;
        this.prefix = prefix;
        this.classify = classify;
        this.breakdown = breakdown;
        keys.forEach(k -> counts.put(k, 0L));
    }

    /** Events that are counted only, without rates: {@code <prefix>.count}. */
    static CountedEvents countOnly(String prefix, Function<TrackEvent, String> classify) {
        return new CountedEvents(prefix, classify, null, List.of(), false);
    }

    @Override
    public void accept(TrackEvent event) {
        String key = classify.apply(event);
        if (key != null) counts.merge(key, 1L, Long::sum);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void report(Exposure exposure, MetricList out) {
        long total = total();
        out.count(prefix + ".count", total);
        if (breakdown != null) counts.forEach((key, n) -> out.count(prefix + "." + breakdown + "." + key, n));
        if (!rates) return;
        out.perThousandKm(prefix + ".per_1000_km", total, exposure.km());
        out.perHour(prefix + ".per_hour", total, exposure.hours());
    }
}
