package dev.provingground.server.sites.floorplans;

/**
 * An uploaded image that decoded as what its first bytes say it is.
 *
 * @param sha256    the bytes' SHA-256, lowercase hex: the image's name in the store
 * @param mediaType {@code image/png} or {@code image/jpeg}, from the bytes (not from what the client declared)
 */
public record CheckedImage(byte[] bytes, String sha256, String mediaType, int widthPx, int heightPx) {
}
