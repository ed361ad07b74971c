package dev.provingground.trackrecord.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where sections put their metrics, with the rules of docs/KPIS.md applied in one place: rounding, undefined ratios,
 * numerators and denominators, the exact Poisson interval and the minimum exposure below which a rate of rare events
 * is "not enough data".
 */
public final class MetricList {

    /** Rates per 1000 km need at least this much distance driven in the scope. */
    public static final double MIN_KM = 1.0;
    /** Rates per hour need at least this much operating time in the scope. */
    public static final double MIN_HOURS = 1.0;
    private static final int DECIMALS = 6;

    private final List<Metric> metrics = new ArrayList<>();

    List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    public void count(String name, long value) {
        metrics.add(Metric.of(name, "count", BigDecimal.valueOf(value)));
    }

    public void measure(String name, String unit, double value) {
        metrics.add(Metric.of(name, unit, decimal(value)));
    }

    /**
     * {@code numerator / denominator} as a share of items or time; undefined when the denominator is zero.
     *
     * @param sampleSize the items the share is over (missions, rides, sample intervals)
     */
    public void share(String name, String unit, double numerator, double denominator, long sampleSize) {
        String note = denominator == 0 ? "undefined: nothing to take a share of" : null;
        metrics.add(new Metric(name, unit, denominator == 0 ? null : decimal(numerator / denominator),
                new Metric.Basis(decimal(numerator), decimal(denominator), sampleSize, null, null, note)));
    }

    /**
     * A mean amount between events: {@code total / events}; undefined when no event happened (the note says how much
     * passed without one).
     */
    public void meanBetween(String name, String unit, double total, long events) {
        String note = events == 0 ? "undefined: no event in " + plain(total) + " " + unit : null;
        metrics.add(new Metric(name, unit, events == 0 ? null : decimal(total / events),
                new Metric.Basis(decimal(total), BigDecimal.valueOf(events), events, null, null, note)));
    }

    /** Events per 1000 km, with its exact 95 % interval; "not enough data" below {@link #MIN_KM}. */
    public void perThousandKm(String name, long events, double km) {
        rate(name, "1/1000km", events, km, 1000, MIN_KM, "km");
    }

    /** Events per operating hour, with its exact 95 % interval; "not enough data" below {@link #MIN_HOURS}. */
    public void perHour(String name, long events, double hours) {
        rate(name, "1/h", events, hours, 1, MIN_HOURS, "h");
    }

    private void rate(String name, String unit, long events, double exposure, double scale, double minimum,
                      String exposureUnit) {
        if (exposure <= 0) {
            metrics.add(new Metric(name, unit, null, new Metric.Basis(BigDecimal.valueOf(events), decimal(exposure),
                    events, null, null, "undefined: no " + exposureUnit + " in the scope")));
            return;
        }
        BigDecimal low = decimal(PoissonInterval.lower(events) * scale / exposure);
        BigDecimal high = decimal(PoissonInterval.upper(events) * scale / exposure);
        String note = exposure < minimum ? "not enough data: " + plain(exposure) + " " + exposureUnit
                + " in the scope, at least " + plain(minimum) + " " + exposureUnit + " needed" : null;
        metrics.add(new Metric(name, unit, note == null ? decimal(events * scale / exposure) : null,
                new Metric.Basis(BigDecimal.valueOf(events), decimal(exposure), events, low, high, note)));
    }

    static BigDecimal decimal(double value) {
        BigDecimal rounded = new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
    }

    private static String plain(double value) {
        return decimal(value).toPlainString().toLowerCase(Locale.ROOT);
    }
}
