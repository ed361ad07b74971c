package dev.provingground.server.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series out of a {@code /metrics} answer (Prometheus text format, as Micrometer writes it). */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of {@code series} exactly as named, labels included (Micrometer writes them sorted by name), e.g.
     * {@code pg_login_failures_total{kind="http_token"}}; -1 when the scrape has no such line.
     */
    public static long value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(scrape);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }
}
