package dev.provingground.report.charts;

/** Pixel size of a chart image: drawn at about 3 pixels per PDF point, so it prints sharp at the page's width. */
public final class ChartSize {

    public static final int WIDTH = 1400;
    public static final int HEIGHT = 500;

    private ChartSize() {
    }
}
