package dev.provingground.report.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** A figure summed per UTC day, days in order; a day without anything recorded has no entry. */
public final class DailySeries {

    private final TreeMap<LocalDate, Double> values = new TreeMap<>();

    void add(LocalDate day, double amount) {
        values.merge(day, amount, Double::sum);
    }

    public Map<LocalDate, Double> values() {
        return Map.copyOf(values);
    }

    /** Every day from the first to the last, zero where nothing was recorded, so a chart shows idle days too. */
    public TreeMap<LocalDate, Double> filled() {
        TreeMap<LocalDate, Double> out = new TreeMap<>();
        if (values.isEmpty()) {
            return out;
        }
        for (LocalDate day = values.firstKey(); !day.isAfter(values.lastKey()); day = day.plusDays(1)) {
            out.put(day, values.getOrDefault(day, 0.0));
        }
        return out;
    }

    public double sum() {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
