package dev.provingground.report.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A chart as an image the PDF compresses losslessly with plain Flate. PDFBox's {@code LosslessFactory} tries every PNG
 * predictor on every row, which took most of a report's drawing time; charts are mostly flat colour, which Flate packs
 * well without predictors.
 */
final class FlateImages {

    private FlateImages() {
    }

    static PDImageXObject of(PDDocument document, BufferedImage image) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(packed, deflater, 1 << 16)) {
            byte[] bytes = new byte[width * 3];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int rgb = row[x];
                    bytes[3 * x] = (byte) (rgb >> 16);
                    bytes[3 * x + 1] = (byte) (rgb >> 8);
                    bytes[3 * x + 2] = (byte) rgb;
                }
                out.write(bytes);
            }
        } finally {
            deflater.end();
        }
        return new PDImageXObject(document, new ByteArrayInputStream(packed.toByteArray()), COSName.FLATE_DECODE, width,
                height, 8, PDDeviceRGB.INSTANCE);
    }
}
