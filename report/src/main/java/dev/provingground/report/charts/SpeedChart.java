package dev.provingground.report.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.NavigableSet;

/** The share of state samples per speed bin, bars above the lowest cap in red, each cap a dashed line. */
public final class SpeedChart {

    private final Font font;

    public SpeedChart(Font font) {
        this.font = font;
    }

    /**
     * @param counts samples per bin of {@code binWidth} m/s
     * @param caps   speed caps in m/s to draw, possibly none
     */
    public BufferedImage draw(long[] counts, double binWidth, NavigableSet<Double> caps, String emptyLabel) {
        Canvas canvas = new Canvas(ChartSize.WIDTH, ChartSize.HEIGHT, font.deriveFont(20f), 90, 40, 30, 60);
        long total = 0;
        long most = 0;
        for (long count : counts) {
            total += count;
            most = Math.max(most, count);
        }
        if (total == 0) {
            canvas.frame();
            canvas.message(emptyLabel);
            return canvas.done();
        }
        Axis share = Axis.covering(0, 100.0 * most / total, 5);
        double topSpeed = Math.max(counts.length * binWidth, caps.isEmpty() ? 0 : caps.last() * 1.1);
        Axis speed = Axis.covering(0, topSpeed, 10);
        canvas.valueAxis(share);
        double lowestCap = caps.isEmpty() ? Double.POSITIVE_INFINITY : caps.first();
        for (int bin = 0; bin < counts.length; bin++) {
            if (counts[bin] == 0) {
                continue;
            }
            double from = bin * binWidth;
            double x0 = canvas.left + speed.fraction(from) * canvas.plotWidth();
            double x1 = canvas.left + speed.fraction(from + binWidth) * canvas.plotWidth();
            double height = share.fraction(100.0 * counts[bin] / total) * canvas.plotHeight();
            canvas.g.setColor(from + binWidth > lowestCap + 1e-9 ? Canvas.ALERT : Canvas.BAR);
            canvas.g.fill(new Rectangle2D.Double(x0 + 1, canvas.bottom - height, Math.max(1, x1 - x0 - 2), height));
        }
        canvas.g.setColor(Canvas.INK);
        for (double tick : speed.ticks()) {
            double x = canvas.left + speed.fraction(tick) * canvas.plotWidth();
            canvas.g.draw(new Line2D.Double(x, canvas.bottom, x, canvas.bottom + 6));
            canvas.centred(speed.label(tick), x, canvas.bottom + 10);
        }
        canvas.g.drawString("%", canvas.left - 40, canvas.top - 12);
        for (double cap : caps) {
            double x = canvas.left + speed.fraction(cap) * canvas.plotWidth();
            canvas.g.setColor(Canvas.ALERT);
            canvas.g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{12f, 8f}, 0f));
            canvas.g.draw(new Line2D.Double(x, canvas.top, x, canvas.bottom));
            canvas.g.drawString(String.format(Locale.ROOT, "%.2f m/s", cap), (float) x + 6, canvas.top + 4);
        }
        canvas.frame();
        return canvas.done();
    }
}
