package dev.provingground.report.charts;

import dev.provingground.report.model.LevelTrack;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One level seen from above: every cell a robot's samples fell in, coloured by the first robot there, on a metre grid
 * with equal scales on both axes, and a legend of the robots.
 */
public final class TrackMap {

    private static final int SIZE = 1400;
    private static final int LEGEND_ROW = 30;

    private final Font font;

    public TrackMap(Font font) {
        this.font = font;
    }

    /** @param robots robot names by the index the cells carry */
    public BufferedImage draw(LevelTrack level, List<String> robots) {
        int legendRows = (robots.size() + 2) / 3;
        double aspect = (level.maxY() - level.minY() + 2) / Math.max(level.maxX() - level.minX() + 2, 1);
        int plotHeight = (int) Math.max(300, Math.min(900, (SIZE - 120) * aspect));
        Canvas canvas = new Canvas(SIZE, plotHeight + 110 + legendRows * LEGEND_ROW, font.deriveFont(20f), 90, 30, 30,
                80 + legendRows * LEGEND_ROW);
        double spanX = Math.max(level.maxX() - level.minX(), 1);
        double spanY = Math.max(level.maxY() - level.minY(), 1);
        double scale = Math.min(canvas.plotWidth() / (spanX + 2 * LevelTrack.CELL), canvas.plotHeight() / (spanY + 2 * LevelTrack.CELL));
        double originX = level.minX() - LevelTrack.CELL;
        double originY = level.minY() - LevelTrack.CELL;
        Axis xAxis = Axis.covering(originX, originX + canvas.plotWidth() / scale, 10);
        Axis yAxis = Axis.covering(originY, originY + canvas.plotHeight() / scale, 8);
        FontMetrics metrics = canvas.g.getFontMetrics();
        for (double tick : xAxis.ticks()) {
            double x = canvas.left + (tick - originX) * scale;
            if (x < canvas.left || x > canvas.right) continue;
            canvas.g.setColor(Canvas.GRID);
            canvas.g.draw(new Line2D.Double(x, canvas.top, x, canvas.bottom));
            canvas.g.setColor(Canvas.INK);
            canvas.centred(xAxis.label(tick), x, canvas.bottom + 8);
        }
        for (double tick : yAxis.ticks()) {
            double y = canvas.bottom - (tick - originY) * scale;
            if (y < canvas.top || y > canvas.bottom) continue;
            canvas.g.setColor(Canvas.GRID);
            canvas.g.draw(new Line2D.Double(canvas.left, y, canvas.right, y));
            canvas.g.setColor(Canvas.INK);
            String label = yAxis.label(tick);
            canvas.g.drawString(label, canvas.left - 8 - metrics.stringWidth(label), (float) (y + metrics.getAscent() / 2.5));
        }
        double cell = Math.max(LevelTrack.CELL * scale, 2);
        level.forEachCell((x, y, robot) -> {
            canvas.g.setColor(colour(robot));
            canvas.g.fill(new Rectangle2D.Double(canvas.left + (x - originX) * scale,
                    canvas.bottom - (y - originY) * scale - cell, cell, cell));
        });
        canvas.frame();
        canvas.g.setColor(Canvas.INK);
        canvas.centred("x (m)", (canvas.left + canvas.right) / 2.0, canvas.bottom + 36);
        int legendTop = canvas.bottom + 70;
        int columnWidth = (canvas.right - canvas.left) / 3;
        for (int i = 0; i < robots.size(); i++) {
            int x = canvas.left + (i % 3) * columnWidth;
            int y = legendTop + (i / 3) * LEGEND_ROW;
            canvas.g.setColor(colour(i));
            canvas.g.fillRect(x, y, 20, 20);
            canvas.g.setColor(Canvas.INK);
            canvas.g.drawString(robots.get(i), x + 30, y + 18);
        }
        return canvas.done();
    }

    static Color colour(int robot) {
        return robot < 0 ? Canvas.INK : Canvas.SERIES[robot % Canvas.SERIES.length];
    }
}
