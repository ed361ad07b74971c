package dev.provingground.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;

/**
 * A white RGB image with a plot area and the drawing helpers the charts share. Opaque RGB (no alpha), so the PDF
 * needs no transparency; drawn the same way every run, so the same bundle gives the same pixels.
 */
final class Canvas {

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color BAR = new Color(0x2F, 0x5D, 0x8A);
    static final Color ALERT = new Color(0xC0, 0x39, 0x2B);
    /** Robot colours, distinguishable in print and for the common colour-vision deficiencies. */
    static final Color[] SERIES = {
            new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
            new Color(0xCC, 0x79, 0xA7), new Color(0xD5, 0x5E, 0x00), new Color(0x56, 0xB4, 0xE9),
            new Color(0x7F, 0x7F, 0x7F), new Color(0x99, 0x66, 0x33)};

    final BufferedImage image;
    final Graphics2D g;
    final int left;
    final int top;
    final int right;
    final int bottom;

    Canvas(int width, int height, Font font, int left, int top, int rightMargin, int bottomMargin) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        this.left = left;
        this.top = top;
        this.right = width - rightMargin;
        this.bottom = height - bottomMargin;
    }

    int plotWidth() {
        return right - left;
    }

    int plotHeight() {
        return bottom - top;
    }

    /** Horizontal grid lines and labels of a value axis on the left. */
    void valueAxis(Axis axis) {
        FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double tick : axis.ticks()) {
            double y = bottom - axis.fraction(tick) * plotHeight();
            g.setColor(GRID);
            g.draw(new Line2D.Double(left, y, right, y));
            g.setColor(INK);
            String label = axis.label(tick);
            g.drawString(label, left - 8 - metrics.stringWidth(label), (float) (y + metrics.getAscent() / 2.5));
        }
        frame();
    }

    void frame() {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
    }

    /** Text centred on {@code x}, its top at {@code y}. */
    void centred(String text, double x, double y) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, (float) (x - metrics.stringWidth(text) / 2.0), (float) (y + metrics.getAscent()));
    }

    void message(String text) {
        g.setColor(INK);
        centred(text, (left + right) / 2.0, (top + bottom) / 2.0);
    }

    BufferedImage done() {
        g.dispose();
        return image;
    }
}
