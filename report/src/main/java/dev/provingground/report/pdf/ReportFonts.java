package dev.provingground.report.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import java.util.HashMap;
import java.util.Map;

/**
 * The report's typeface, Pretendard (SIL Open Font License 1.1), which covers Hangul and Latin. The build brings it in
 * from the npm registry (report/src/font) and puts it in the jar; without it there is no report, never a report with
 * boxes in place of Korean letters.
 */
public final class ReportFonts {

    private static final String FOLDER = "/dev/provingground/report/fonts/";

    private final byte[] regular;
    private final byte[] bold;
    private final Font awtRegular;

    private ReportFonts(byte[] regular, byte[] bold) {
        this.regular = regular;
        this.bold = bold;
        try {
            this.awtRegular = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(regular));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("the report font cannot be read by Java 2D: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalStateException when the jar lacks the font (a build without npm)
     */
    public static ReportFonts load() {
        return new ReportFonts(resource("Pretendard-Regular.ttf"), resource("Pretendard-Bold.ttf"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + name + " is missing from the jar: the report module's"
                        + " build copies it from the npm package pretendard (report/src/font); build with npm on the PATH");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report font " + name, e);
        }
    }

    /** The regular face for charts drawn with Java 2D. */
    public Font awt() {
        return awtRegular;
    }

    /** Both faces, subset-embedded in {@code document}. */
    PdfFonts embedIn(PDDocument document) throws IOException {
        TrueTypeFont regularFont = parse(regular);
        TrueTypeFont boldFont = parse(bold);
        return new PdfFonts(PDType0Font.load(document, regularFont, true), PDType0Font.load(document, boldFont, true),
                regularFont.getUnicodeCmapLookup());
    }

    /**
     * The face without glyph substitution: the report draws each character as {@link PdfFonts#width} measured it.
     * PDFBox otherwise runs every string through the font's GSUB rules (Pretendard's Latin ones) with regular
     * expressions compiled per string, which took half the time of a report with long event lists; for this typeface
     * all it substituted were contextual ligatures such as "->" drawn as one arrow glyph, not the two the layout
     * measured.
     */
    private static TrueTypeFont parse(byte[] font) throws IOException {
        TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
        parsed.setEnableGsub(false);
        return parsed;
    }

    /** The embedded faces, which characters they can draw, and the widths measured so far. */
    record PdfFonts(PDType0Font regular, PDType0Font bold, CmapLookup glyphs, Map<PDFont, Map<Integer, Float>> widths) {

        PdfFonts(PDType0Font regular, PDType0Font bold, CmapLookup glyphs) {
            this(regular, bold, glyphs, new HashMap<>());
        }

        /**
         * Width of {@code text} in points. Asking PDFBox for a whole string's width encodes it anew every time, which
         * made laying out a long table take seconds; each character's width is asked once and remembered.
         */
        float width(PDFont font, String text, float size) throws IOException {
            Map<Integer, Float> known = widths.computeIfAbsent(font, f -> new HashMap<>());
            float units = 0;
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                Float width = known.get(codePoint);
                if (width == null) {
                    width = font.getStringWidth(new String(Character.toChars(codePoint)));
                    known.put(codePoint, width);
                }
                units += width;
                i += Character.charCount(codePoint);
            }
            return units / 1000 * size;
        }

        /** {@code text} with control characters as spaces and characters the font lacks as '?'. */
        String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                    out.append(' ');
                } else if (glyphs.getGlyphId(c) > 0) {
                    out.appendCodePoint(c);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
