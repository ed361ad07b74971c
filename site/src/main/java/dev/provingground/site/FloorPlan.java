package dev.provingground.site;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A floor-plan image laid under a level's nav graph. The image itself is kept by the server under its SHA-256
 * (content addressed, never overwritten), so every site version that names it keeps showing the same picture.
 *
 * <p>Placement: the image is not rotated; its columns run along the level's x axis (east) and its rows along y
 * (north, so the image's top row is its northern edge). {@code originX, originY} is where the image's lower-left
 * corner (the outer corner of its bottom-left pixel) sits in the level's frame, in metres — as ROS
 * {@code map_server}'s {@code origin}. The image covers {@code [originX, originX + widthPx * metresPerPixel]} by
 * {@code [originY, originY + heightPx * metresPerPixel]}.
 *
 * @param image          the image's SHA-256, 64 lowercase hex digits
 * @param mediaType      {@code image/png} or {@code image/jpeg}
 * @param widthPx        image width in pixels, 1 to {@link #MAX_SIDE_PX}
 * @param heightPx       image height in pixels, 1 to {@link #MAX_SIDE_PX}
 * @param metresPerPixel the scale, {@link #MIN_METRES_PER_PIXEL} to {@link #MAX_METRES_PER_PIXEL}
 * @param originX        x of the image's lower-left corner in the level's frame, metres, within ±{@link #MAX_ORIGIN_M}
 * @param originY        y of the image's lower-left corner in the level's frame, metres, within ±{@link #MAX_ORIGIN_M}
 */
public record FloorPlan(String image, String mediaType, int widthPx, int heightPx, double metresPerPixel,
                        double originX, double originY) {

    public static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg");
    /** A millimetre per pixel: finer than any architect's drawing of a floor needs. */
    public static final double MIN_METRES_PER_PIXEL = 0.001;
    /** Ten metres per pixel: coarser would be a map of a district, not of a level. */
    public static final double MAX_METRES_PER_PIXEL = 10;
    public static final int MAX_SIDE_PX = 16_384;
    /** A site's frame spans a few kilometres (GeoAnchor's approximation holds to about 5 km). */
    public static final double MAX_ORIGIN_M = 100_000;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public FloorPlan {
        Objects.requireNonNull(image, "floor plan image");
        if (!SHA256.matcher(image).matches())
            throw new IllegalArgumentException("image must be a SHA-256 as 64 lowercase hex digits, got \"" + image + "\"");
        if (!MEDIA_TYPES.contains(mediaType))
            throw new IllegalArgumentException("mediaType must be image/png or image/jpeg, got " + quoted(mediaType));
        checkSide("widthPx", widthPx);
        checkSide("heightPx", heightPx);
        String scale = scaleProblem(metresPerPixel);
        if (scale != null) throw new IllegalArgumentException("metresPerPixel " + scale);
        String x = originProblem(originX);
        if (x != null) throw new IllegalArgumentException("originX " + x);
        String y = originProblem(originY);
        if (y != null) throw new IllegalArgumentException("originY " + y);
    }

    /** What is wrong with a scale, or {@code null} when it is fine; for callers that check before building. */
    public static String scaleProblem(double metresPerPixel) {
        if (!Double.isFinite(metresPerPixel)) return "must be a finite number, got " + metresPerPixel;
        if (metresPerPixel < MIN_METRES_PER_PIXEL || metresPerPixel > MAX_METRES_PER_PIXEL)
            return "must be between " + MIN_METRES_PER_PIXEL + " and " + MAX_METRES_PER_PIXEL + " metres per pixel, got "
                    + metresPerPixel;
        return null;
    }

    /** What is wrong with an origin coordinate, or {@code null} when it is fine. */
    public static String originProblem(double metres) {
        if (!Double.isFinite(metres)) return "must be a finite number, got " + metres;
        if (Math.abs(metres) > MAX_ORIGIN_M)
            return "must be within ±" + (long) MAX_ORIGIN_M + " m of the level's origin, got " + metres;
        return null;
    }

    private static void checkSide(String name, int px) {
        if (px < 1 || px > MAX_SIDE_PX)
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_SIDE_PX + " pixels, got " + px);
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }

    /** Width of the image on the level, metres. */
    public double widthM() {
        return widthPx * metresPerPixel;
    }

    /** Height of the image on the level, metres. */
    public double heightM() {
        return heightPx * metresPerPixel;
    }
}
