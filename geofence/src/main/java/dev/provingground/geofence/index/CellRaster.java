package dev.provingground.geofence.index;

import java.util.Arrays;

import org.locationtech.jts.geom.Envelope;

/**
 * A coarse grid over a zone's bounding box that answers most point and short-move questions without touching the
 * outline. Each cell is marked as touched by the outline, wholly inside or wholly outside. Only the first kind needs
 * the exact edge test; a robot deep inside a zone or passing near it is answered by one array read, and a point in a
 * touched cell is tested against the edges that reach its row of cells only.
 *
 * <p>Exactness: a cell is marked untouched only when no edge comes within a small margin of it, judged with a
 * margin-widened test that errs towards "touched"; a point is then looked up in a cell that contains it even after
 * rounding, so every answer the raster gives is the answer the exact test would give.
 */
final class CellRaster {

    static final byte TOUCHED = 0;
    static final byte INSIDE = 1;
    static final byte OUTSIDE = 2;

    /** Cells along the longer side of the bounding box, per square root of the outline's vertex count. */
    private static final double CELLS_PER_ROOT_VERTEX = 2.5;
    private static final int MIN_CELLS = 8;
    private static final int MAX_CELLS = 64;

    private final double minX;
    private final double minY;
    private final double cellWidth;
    private final double cellHeight;
    private final int columns;
    private final int rows;
    /** Row-major cell marks. */
    private final byte[] cells;
    private final ZoneOutline outline;
    /** The edges reaching row r are rowEdges[rowStarts[r] .. rowStarts[r + 1]). */
    private final int[] rowStarts;
    private final int[] rowEdges;

    private CellRaster(double minX, double minY, double cellWidth, double cellHeight, int columns, int rows,
                       byte[] cells, ZoneOutline outline, int[] rowStarts, int[] rowEdges) {
        this.minX = minX;
        this.minY = minY;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.columns = columns;
        this.rows = rows;
        this.cells = cells;
        this.outline = outline;
        this.rowStarts = rowStarts;
        this.rowEdges = rowEdges;
    }

    static CellRaster of(ZoneOutline outline, Envelope bounds) {
        int along = (int) Math.ceil(CELLS_PER_ROOT_VERTEX * Math.sqrt(outline.positions()));
        return of(outline, bounds, Math.max(MIN_CELLS, Math.min(MAX_CELLS, along)));
    }

    /** @param along cells along the longer side of the bounds */
    static CellRaster of(ZoneOutline outline, Envelope bounds, int along) {
        double minX = bounds.getMinX();
        double minY = bounds.getMinY();
        double maxX = bounds.getMaxX();
        double maxY = bounds.getMaxY();
        double width = maxX - minX;
        double height = maxY - minY;
        double longer = Math.max(width, height);
        int columns = Math.max(1, (int) Math.round(along * width / longer));
        int rows = Math.max(1, (int) Math.round(along * height / longer));
        double cellWidth = width / columns;
        double cellHeight = height / rows;
        // Widen every cell by a margin far above rounding error at these magnitudes, so that a point looked up in
        // a cell lies in the widened cell even when the index arithmetic rounded it across a cell side.
        double scale = Math.max(Math.max(Math.abs(minX), Math.abs(maxX)), Math.max(Math.abs(minY), Math.abs(maxY)));
        double margin = 1e-9 * (scale + longer) + 1e-6 * Math.max(cellWidth, cellHeight);

        byte[] cells = new byte[columns * rows];
        Arrays.fill(cells, INSIDE); // provisional: anything not touched is classified below
        outline.forEachEdge((edge, px, py, qx, qy) -> markTouched(cells, columns, rows, minX, minY, cellWidth,
                cellHeight, margin, px, py, qx, qy));
        for (int row = 0; row < rows; row++) {
            // Untouched cells side by side share a side the outline does not touch, so a run of them is all in or
            // all out: one exact test per run.
            int column = 0;
            while (column < columns) {
                if (cells[row * columns + column] == TOUCHED) {
                    column++;
                    continue;
                }
                int end = column;
                while (end < columns && cells[row * columns + end] != TOUCHED) end++;
                double cx = minX + (column + 0.5) * cellWidth;
                double cy = minY + (row + 0.5) * cellHeight;
                byte mark = outline.covers(cx, cy) ? INSIDE : OUTSIDE;
                for (int c = column; c < end; c++) cells[row * columns + c] = mark;
                column = end;
            }
        }
        int[] rowStarts = new int[rows + 1];
        int[] rowEdges = edgesByRow(outline, rows, minY, cellHeight, margin, rowStarts);
        return new CellRaster(minX, minY, cellWidth, cellHeight, columns, rows, cells, outline, rowStarts, rowEdges);
    }

    /**
     * Lists, row by row, the edges whose height range meets the row's margin-widened band, so that every edge left
     * out of a row lies wholly above or below any point looked up in that row. Fills rowStarts.
     */
    private static int[] edgesByRow(ZoneOutline outline, int rows, double minY, double cellHeight, double margin,
                                    int[] rowStarts) {
        int[] first = new int[outline.positions()];
        int[] last = new int[outline.positions()];
        int[] counts = new int[rows];
        outline.forEachEdge((edge, px, py, qx, qy) -> {
            first[edge] = firstRow(Math.min(py, qy), rows, minY, cellHeight, margin);
            last[edge] = lastRow(Math.max(py, qy), rows, minY, cellHeight, margin);
            for (int r = first[edge]; r <= last[edge]; r++) counts[r]++;
        });
        for (int r = 0; r < rows; r++) rowStarts[r + 1] = rowStarts[r] + counts[r];
        int[] rowEdges = new int[rowStarts[rows]];
        int[] fill = Arrays.copyOf(rowStarts, rows);
        outline.forEachEdge((edge, px, py, qx, qy) -> {
            for (int r = first[edge]; r <= last[edge]; r++) rowEdges[fill[r]++] = edge;
        });
        return rowEdges;
    }

    // The row arithmetic is monotone in y, so a point at or above an edge's lowest y is looked up in a row no lower
    // than the one computed for that y; the margin only adds slack on top.

    private static int firstRow(double y, int rows, double minY, double cellHeight, double margin) {
        return clamp((int) Math.floor((y - margin - minY) / cellHeight), rows);
    }

    private static int lastRow(double y, int rows, double minY, double cellHeight, double margin) {
        return clamp((int) Math.floor((y + margin - minY) / cellHeight), rows);
    }

    private static void markTouched(byte[] cells, int columns, int rows, double minX, double minY, double cellWidth,
                                    double cellHeight, double margin, double px, double py, double qx, double qy) {
        int c0 = clamp((int) Math.floor((Math.min(px, qx) - margin - minX) / cellWidth) - 1, columns);
        int c1 = clamp((int) Math.floor((Math.max(px, qx) + margin - minX) / cellWidth) + 1, columns);
        int r0 = clamp((int) Math.floor((Math.min(py, qy) - margin - minY) / cellHeight) - 1, rows);
        int r1 = clamp((int) Math.floor((Math.max(py, qy) + margin - minY) / cellHeight) + 1, rows);
        double dx = qx - px;
        double dy = qy - py;
        double length = Math.abs(dx) + Math.abs(dy);
        for (int r = r0; r <= r1; r++) {
            double y0 = minY + r * cellHeight - margin;
            double y1 = minY + (r + 1) * cellHeight + margin;
            if (Math.max(py, qy) < y0 || Math.min(py, qy) > y1) continue;
            for (int c = c0; c <= c1; c++) {
                double x0 = minX + c * cellWidth - margin;
                double x1 = minX + (c + 1) * cellWidth + margin;
                if (Math.max(px, qx) < x0 || Math.min(px, qx) > x1) continue;
                // The edge's line misses the widened cell when all four corners lie clearly on one side of it.
                double s1 = dx * (y0 - py) - dy * (x0 - px);
                double s2 = dx * (y0 - py) - dy * (x1 - px);
                double s3 = dx * (y1 - py) - dy * (x0 - px);
                double s4 = dx * (y1 - py) - dy * (x1 - px);
                double slack = margin * length;
                boolean clear = (s1 > slack && s2 > slack && s3 > slack && s4 > slack)
                        || (s1 < -slack && s2 < -slack && s3 < -slack && s4 < -slack);
                if (!clear) cells[r * columns + c] = TOUCHED;
            }
        }
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size - 1, i));
    }

    /** Whether (x, y) is inside or on the outline, exactly as {@link ZoneOutline#covers(double, double)} says. */
    boolean covers(double x, double y) {
        int row = row(y);
        byte known = cells[row * columns + column(x)];
        if (known != TOUCHED) return known == INSIDE;
        return outline.covers(x, y, rowEdges, rowStarts[row], rowStarts[row + 1]);
    }

    /**
     * Whether the segment a→b touches or crosses the outline, exactly as
     * {@link ZoneOutline#crossedBy(double, double, double, double)} says: only the edges reaching the rows the
     * segment spans can meet it.
     */
    boolean meetsOutline(double ax, double ay, double bx, double by) {
        double minX = Math.min(ax, bx);
        double minY = Math.min(ay, by);
        double maxX = Math.max(ax, bx);
        double maxY = Math.max(ay, by);
        if (clearOfOutline(minX, minY, maxX, maxY)) return false;
        for (int r = row(minY), last = row(maxY); r <= last; r++) {
            if (outline.crossedBy(ax, ay, bx, by, rowEdges, rowStarts[r], rowStarts[r + 1])) return true;
        }
        return false;
    }

    /** {@link #INSIDE} or {@link #OUTSIDE} when the raster knows, {@link #TOUCHED} when the outline must decide. */
    byte at(double x, double y) {
        return cells[row(y) * columns + column(x)];
    }

    /** Whether no cell the box overlaps is touched by the outline, so nothing in the box can meet it. */
    boolean clearOfOutline(double boxMinX, double boxMinY, double boxMaxX, double boxMaxY) {
        int c0 = column(boxMinX);
        int c1 = column(boxMaxX);
        int r1 = row(boxMaxY);
        for (int r = row(boxMinY); r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                if (cells[r * columns + c] == TOUCHED) return false;
            }
        }
        return true;
    }

    private int column(double x) {
        return clamp((int) Math.floor((x - minX) / cellWidth), columns);
    }

    private int row(double y) {
        return clamp((int) Math.floor((y - minY) / cellHeight), rows);
    }
}
