package dev.provingground.report.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear axis from 0 (or a minimum) to a round maximum, with round tick steps (1, 2 or 5 times a power of ten). */
record Axis(double min, double max, double step) {

    static Axis covering(double min, double max, int aboutTicks) {
        if (!(max > min)) {
            max = min + 1;
        }
        double raw = (max - min) / aboutTicks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw <= power ? power : raw <= 2 * power ? 2 * power : raw <= 5 * power ? 5 * power : 10 * power;
        double low = Math.floor(min / step) * step;
        double high = Math.ceil(max / step) * step;
        return new Axis(low, high, step);
    }

    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            double tick = min + i * step;
            if (tick > max + step / 1e6) {
                return out;
            }
            out.add(tick);
        }
    }

    /** Where {@code value} lies between the ends, 0 to 1. */
    double fraction(double value) {
        return (value - min) / (max - min);
    }

    String label(double value) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
