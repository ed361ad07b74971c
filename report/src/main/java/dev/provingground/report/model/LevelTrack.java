package dev.provingground.report.model;

/**
 * Where robots drove on one level (map): the cells of {@link #CELL} metres any sample fell in, each with the first
 * robot seen there. Memory grows with the area driven, not with the number of samples; past {@link #MAX_CELLS}
 * cells new ground is no longer drawn (the sample counts and extent still are).
 */
public final class LevelTrack {

    public static final double CELL = 0.5;
    public static final int MAX_CELLS = 400_000;

    private final String mapId;
    private final CellMap cells = new CellMap();
    private long samples;
    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    LevelTrack(String mapId) {
        this.mapId = mapId;
    }

    void sample(double x, double y, int robot) {
        samples++;
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
        mark(x, y, robot);
    }

    /**
     * A sample joined to the robot's previous one on this level: the cells along the straight line between them are
     * marked too, so a robot faster than a cell per sample leaves a line, not dots.
     */
    void sample(double fromX, double fromY, double x, double y, int robot) {
        sample(x, y, robot);
        double length = Math.hypot(x - fromX, y - fromY);
        int steps = (int) Math.ceil(length / (CELL / 2));
        for (int step = 1; step < steps; step++) {
            double along = (double) step / steps;
            mark(fromX + along * (x - fromX), fromY + along * (y - fromY), robot);
        }
    }

    private void mark(double x, double y, int robot) {
        long key = key(cellOf(x), cellOf(y));
        if (cells.size() < MAX_CELLS) {
            cells.putIfAbsent(key, robot);
        }
    }

    static long cellOf(double metres) {
        return (long) Math.floor(metres / CELL);
    }

    private static long key(long cellX, long cellY) {
        return (cellX << 32) | (cellY & 0xFFFFFFFFL);
    }

    public String mapId() {
        return mapId;
    }

    public long samples() {
        return samples;
    }

    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double maxX() {
        return maxX;
    }

    public double maxY() {
        return maxY;
    }

    /** Visits each cell: its lower-left corner in metres and the robot (index into the report's robot list). */
    public void forEachCell(CellVisitor visitor) {
        cells.forEachInKeyOrder((key, robot) -> visitor.cell((key >> 32) * CELL, ((int) key) * CELL, robot));
    }

    @FunctionalInterface
    public interface CellVisitor {
        void cell(double x, double y, int robot);
    }
}
