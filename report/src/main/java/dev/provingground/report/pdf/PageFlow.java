package dev.provingground.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays text, tables and images down A4 pages from top to bottom, starting a new page when the next piece does not
 * fit. Knows nothing of reports: {@link ReportDocument} says what goes where.
 */
final class PageFlow implements AutoCloseable {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 56;
    static final float FOOTER = 36;
    static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final float LEADING = 1.35f;
    private static final float CELL_PADDING = 3;
    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color SHADE = new Color(0xF0, 0xF2, 0xF5);
    static final Color INK = new Color(0x11, 0x11, 0x11);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);

    private final PDDocument document;
    private final ReportFonts.PdfFonts fonts;
    private PDPageContentStream out;
    private float y;

    PageFlow(PDDocument document, ReportFonts.PdfFonts fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    void newPage() throws IOException {
        close();
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (out == null || y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    void heading(String text, float size) throws IOException {
        need(size * 3.2f);
        y -= size * 0.6f;
        paragraph(text, size, true, INK);
        y -= size * 0.3f;
    }

    void paragraph(String text, float size, boolean bold, Color colour) throws IOException {
        PDFont font = bold ? fonts.bold() : fonts.regular();
        for (String line : wrap(fonts.printable(text), font, size, WIDTH)) {
            need(size * LEADING);
            y -= size * LEADING;
            text(line, font, size, MARGIN, y + size * 0.3f, colour);
        }
    }

    /**
     * A table whose columns take {@code widths} (fractions of the text width); the header repeats on each page, long
     * cells wrap, and every other row is shaded so a line can be followed across the page. A {@code null} header
     * makes a table of labels and values without one.
     */
    void table(float[] widths, List<String> header, List<List<String>> rows, boolean[] rightAligned, float size)
            throws IOException {
        if (header != null) {
            tableRow(widths, header, rightAligned, size, true, false);
        }
        int shaded = 0;
        for (List<String> row : rows) {
            float height = rowHeight(widths, row, size, false);
            if (out == null || y - height < MARGIN + FOOTER) {
                newPage();
                if (header != null) {
                    tableRow(widths, header, rightAligned, size, true, false);
                }
            }
            tableRow(widths, row, rightAligned, size, false, shaded++ % 2 == 1);
        }
        y -= size * 0.8f;
    }

    private void tableRow(float[] widths, List<String> cells, boolean[] rightAligned, float size, boolean header,
                          boolean shade) throws IOException {
        PDFont font = header ? fonts.bold() : fonts.regular();
        float height = rowHeight(widths, cells, size, header);
        need(height);
        if (shade) {
            out.setNonStrokingColor(SHADE);
            out.addRect(MARGIN, y - height, WIDTH, height);
            out.fill();
        }
        float x = MARGIN;
        for (int column = 0; column < widths.length; column++) {
            float width = widths[column] * WIDTH;
            List<String> lines = wrap(fonts.printable(cells.get(column)), font, size, width - 2 * CELL_PADDING);
            float lineY = y - CELL_PADDING;
            for (String line : lines) {
                lineY -= size * LEADING;
                float textX = x + CELL_PADDING;
                if (rightAligned[column]) {
                    textX = x + width - CELL_PADDING - width(line, font, size);
                }
                text(line, font, size, textX, lineY + size * 0.3f, INK);
            }
            x += width;
        }
        y -= height;
        if (header) {
            out.setStrokingColor(RULE);
            out.setLineWidth(0.8f);
            out.moveTo(MARGIN, y);
            out.lineTo(MARGIN + WIDTH, y);
            out.stroke();
        }
    }

    private float rowHeight(float[] widths, List<String> cells, float size, boolean header) throws IOException {
        PDFont font = header ? fonts.bold() : fonts.regular();
        int lines = 1;
        for (int column = 0; column < widths.length; column++) {
            lines = Math.max(lines, wrap(fonts.printable(cells.get(column)), font, size,
                    widths[column] * WIDTH - 2 * CELL_PADDING).size());
        }
        return lines * size * LEADING + 2 * CELL_PADDING;
    }

    /** A caption and an image at the full text width below it, kept on one page. */
    void figure(String caption, float size, PDImageXObject image) throws IOException {
        float height = WIDTH * image.getHeight() / image.getWidth();
        need(height + 6 + wrap(fonts.printable(caption), fonts.bold(), size, WIDTH).size() * size * LEADING);
        paragraph(caption, size, true, INK);
        image(image);
    }

    private void image(PDImageXObject image) throws IOException {
        float height = WIDTH * image.getHeight() / image.getWidth();
        need(height + 6);
        y -= height;
        out.drawImage(image, MARGIN, y, WIDTH, height);
        y -= 6;
    }

    private void text(String line, PDFont font, float size, float x, float baseline, Color colour) throws IOException {
        out.beginText();
        out.setNonStrokingColor(colour);
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(line);
        out.endText();
    }

    /** Breaks {@code text} into lines no wider than {@code width}: at spaces, or inside a word too long for a line. */
    private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); ) {
                int next = i + Character.charCount(word.codePointAt(i));
                if (!line.isEmpty() && width(line + word.substring(i, next), font, size) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(word, i, next);
                i = next;
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, PDFont font, float size) throws IOException {
        return fonts.width(font, text, size);
    }

    /** Writes {@code text} at the foot of every page: {@code left} on the left, the page number on the right. */
    static void footers(PDDocument document, ReportFonts.PdfFonts fonts, String left, PageLabel label) throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                float size = 8;
                String right = fonts.printable(label.text(i + 1, count));
                footer.setStrokingColor(RULE);
                footer.setLineWidth(0.5f);
                footer.moveTo(MARGIN, MARGIN + 14);
                footer.lineTo(MARGIN + WIDTH, MARGIN + 14);
                footer.stroke();
                footer.beginText();
                footer.setNonStrokingColor(MUTED);
                footer.setFont(fonts.regular(), size);
                footer.newLineAtOffset(MARGIN, MARGIN);
                footer.showText(fonts.printable(left));
                footer.endText();
                footer.beginText();
                footer.setFont(fonts.regular(), size);
                footer.newLineAtOffset(MARGIN + WIDTH - fonts.width(fonts.regular(), right, size), MARGIN);
                footer.showText(right);
                footer.endText();
            }
        }
    }

    @FunctionalInterface
    interface PageLabel {
        String text(int page, int pages);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
