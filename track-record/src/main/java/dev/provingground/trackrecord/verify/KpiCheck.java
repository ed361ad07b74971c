package dev.provingground.trackrecord.verify;

import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.export.BundleLayout;
import dev.provingground.trackrecord.kpi.KpiFiles;
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.kpi.KpiScope;
import dev.provingground.trackrecord.kpi.Metric;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Compares kpis.json and kpis.csv with the KPIs recomputed from the events, naming the first difference. */
final class KpiCheck {

    void compare(BundleFiles files, KpiReport recomputed, KpiScope scope) throws IOException {
        KpiReport claimed;
        try {
            claimed = KpiFiles.parseJson(files.bytes(BundleLayout.KPIS_JSON, BundleFiles.MAX_SMALL_FILE));
        } catch (IllegalArgumentException e) {
            throw new BundleProblem(BundleLayout.KPIS_JSON + ": " + e.getMessage());
        }
        if (!Objects.equals(claimed.scope(), scope)) {
            throw new BundleProblem(BundleLayout.KPIS_JSON + ": scope " + describe(claimed.scope()) + " differs from manifest.json's "
                    + describe(scope));
        }
        if (claimed.eventsInScope() != recomputed.eventsInScope()) {
            throw new BundleProblem(BundleLayout.KPIS_JSON + ": eventsInScope is " + claimed.eventsInScope()
                    + " but the events give " + recomputed.eventsInScope());
        }
        List<Metric> expected = recomputed.metrics();
        List<Metric> found = claimed.metrics();
        for (int i = 0; i < Math.max(expected.size(), found.size()); i++) {
            if (i >= found.size()) {
                throw new BundleProblem(BundleLayout.KPIS_JSON + ": metric " + expected.get(i).name() + " is missing");
            }
            if (i >= expected.size()) {
                throw new BundleProblem(BundleLayout.KPIS_JSON + ": metric " + found.get(i).name() + " is not one this verifier knows");
            }
            Metric want = expected.get(i);
            Metric got = found.get(i);
            if (!want.name().equals(got.name()) || !want.unit().equals(got.unit())) {
                throw new BundleProblem(BundleLayout.KPIS_JSON + ": metrics[" + i + "] is " + got.name() + " (" + got.unit()
                        + "), expected " + want.name() + " (" + want.unit() + ")");
            }
            boolean same = want.value() == null ? got.value() == null
                    : got.value() != null && want.value().compareTo(got.value()) == 0;
            if (!same) {
                throw new BundleProblem(BundleLayout.KPIS_JSON + ": " + want.name() + " is " + display(got) + " but the events give "
                        + display(want));
            }
            String basis = basisDifference(want.basis(), got.basis());
            if (basis != null) {
                throw new BundleProblem(BundleLayout.KPIS_JSON + ": " + want.name() + " " + basis);
            }
        }
        String[] csv = files.text(BundleLayout.KPIS_CSV).split("\n", -1);
        String[] want = new String(KpiFiles.csv(recomputed), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(csv.length, want.length); i++) {
            String got = i < csv.length ? csv[i] : "(missing)";
            String expectedLine = i < want.length ? want[i] : "(nothing)";
            if (!got.equals(expectedLine)) {
                throw new BundleProblem(BundleLayout.KPIS_CSV + " line " + (i + 1) + ": '" + got + "' but the events give '"
                        + expectedLine + "'");
            }
        }
    }

    /** What differs in a metric's numerator, denominator, sample size, interval or note; null when nothing. */
    private static String basisDifference(Metric.Basis want, Metric.Basis got) {
        if (want == null || got == null) {
            return want == got ? null : (want == null ? "has a basis the events do not give" : "lacks its basis");
        }
        String[] names = {"numerator", "denominator", "ci95Low", "ci95High"};
        BigDecimal[] wanted = {want.numerator(), want.denominator(), want.ciLow(), want.ciHigh()};
        BigDecimal[] found = {got.numerator(), got.denominator(), got.ciLow(), got.ciHigh()};
        for (int i = 0; i < names.length; i++) {
            boolean same = wanted[i] == null ? found[i] == null : found[i] != null && wanted[i].compareTo(found[i]) == 0;
            if (!same) return names[i] + " is " + found[i] + " but the events give " + wanted[i];
        }
        if (!Objects.equals(want.sampleSize(), got.sampleSize())) {
            return "sampleSize is " + got.sampleSize() + " but the events give " + want.sampleSize();
        }
        if (!Objects.equals(want.note(), got.note())) return "note is '" + got.note() + "' but the events give '" + want.note() + "'";
        return null;
    }

    private static String display(Metric metric) {
        return metric.value() == null ? "undefined" : metric.value().toPlainString();
    }

    private static String describe(KpiScope scope) {
        return "[" + (scope.from() == null ? "-" : EventCodec.formatTime(scope.from())) + ", "
                + (scope.to() == null ? "-" : EventCodec.formatTime(scope.to())) + ") robots " + scope.sortedRobots();
    }
}
