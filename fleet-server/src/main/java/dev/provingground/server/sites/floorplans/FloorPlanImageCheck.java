package dev.provingground.server.sites.floorplans;

import dev.provingground.site.FloorPlan;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Checks that uploaded bytes really are a PNG or JPEG image of a plausible size: the signature, then the
 * dimensions from the header, then a full decode (subsampled, so a large image costs little memory) that fails on a
 * truncated or corrupt stream. Blocking and CPU-bound: run it on a worker, never on the event loop.
 */
public final class FloorPlanImageCheck {

    /** Largest image accepted: a floor plan at 5 cm per pixel for 200 m × 200 m is about 1 MB as a PNG. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Decoding keeps at most about this many pixels a side, whatever the image's size. */
    private static final int DECODED_SIDE = 512;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private FloorPlanImageCheck() {
    }

    /**
     * @param declaredType the request's content type, or {@code null}; when it names PNG or JPEG it must match the
     *                     bytes
     * @throws InvalidFloorPlanException naming what is wrong with the image
     */
    public static CheckedImage check(byte[] bytes, String declaredType) {
        if (bytes == null || bytes.length == 0)
            throw refused("image: the request body is empty; send the PNG or JPEG file as the body");
        if (bytes.length > MAX_BYTES)
            throw refused("image: " + bytes.length + " bytes is over the floor-plan limit of " + MAX_BYTES
                    + " bytes (8 MiB)");
        String mediaType = startsWith(bytes, PNG) ? "image/png" : startsWith(bytes, JPEG) ? "image/jpeg" : null;
        if (mediaType == null)
            throw refused("image: not a PNG or JPEG file (its first bytes are neither signature)");
        String declared = declaredType == null ? null : declaredType.split(";", 2)[0].trim().toLowerCase();
        if (declared != null && FloorPlan.MEDIA_TYPES.contains(declared) && !declared.equals(mediaType))
            throw refused("Content-Type: says " + declared + " but the bytes are " + mediaType);
        int[] size = decode(bytes, mediaType);
        for (int i = 0; i < 2; i++) {
            if (size[i] < 1 || size[i] > FloorPlan.MAX_SIDE_PX)
                throw refused("image: " + size[0] + " × " + size[1] + " pixels; each side must be 1 to "
                        + FloorPlan.MAX_SIDE_PX + " pixels");
        }
        return new CheckedImage(bytes, sha256(bytes), mediaType, size[0], size[1]);
    }

    /** {width, height}, after decoding the whole image. */
    private static int[] decode(byte[] bytes, String mediaType) {
        String format = mediaType.equals("image/png") ? "png" : "jpeg";
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw new IllegalStateException("this Java runtime has no " + format + " reader");
        ImageReader reader = readers.next();
        // In memory: ImageIO would otherwise cache the stream in a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || width > FloorPlan.MAX_SIDE_PX || height > FloorPlan.MAX_SIDE_PX)
                return new int[] {width, height};
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / DECODED_SIDE);
            param.setSourceSubsampling(step, step, 0, 0);
            reader.read(0, param);
            return new int[] {width, height};
        } catch (IOException | RuntimeException e) {
            throw refused("image: not a readable " + (format.equals("png") ? "PNG" : "JPEG") + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } finally {
            reader.dispose();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static InvalidFloorPlanException refused(String problem) {
        return new InvalidFloorPlanException(List.of(problem));
    }
}
