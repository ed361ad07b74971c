package dev.provingground.report.charts;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Bars of a figure per day, labelled with dates; every day from the first to the last has a place. */
public final class DailyBarChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final Font font;

    public DailyBarChart(Font font) {
        this.font = font;
    }

    /**
     * @param values     one value per day, days in order
     * @param emptyLabel what to print when there are no days
     */
    public BufferedImage draw(SortedMap<LocalDate, Double> values, String emptyLabel) {
        Canvas canvas = new Canvas(ChartSize.WIDTH, ChartSize.HEIGHT, font.deriveFont(20f), 90, 30, 30, 60);
        if (values.isEmpty()) {
            canvas.frame();
            canvas.message(emptyLabel);
            return canvas.done();
        }
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Axis axis = Axis.covering(0, max, 5);
        canvas.valueAxis(axis);
        List<Map.Entry<LocalDate, Double>> days = new ArrayList<>(values.entrySet());
        double slot = (double) canvas.plotWidth() / days.size();
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 12.0));
        for (int i = 0; i < days.size(); i++) {
            double value = days.get(i).getValue();
            double height = axis.fraction(value) * canvas.plotHeight();
            double x = canvas.left + i * slot + slot * 0.15;
            canvas.g.setColor(Canvas.BAR);
            canvas.g.fill(new Rectangle2D.Double(x, canvas.bottom - height, slot * 0.7, height));
            if (i % labelEvery == 0) {
                canvas.g.setColor(Canvas.INK);
                canvas.centred(DAY.format(days.get(i).getKey()), canvas.left + (i + 0.5) * slot, canvas.bottom + 10);
            }
        }
        canvas.frame();
        return canvas.done();
    }
}
