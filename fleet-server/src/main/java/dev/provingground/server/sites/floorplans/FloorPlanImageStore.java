package dev.provingground.server.sites.floorplans;

import java.nio.file.Path;

/**
 * Floor-plan images by their SHA-256. An image is written once and never changed or removed, so every site version
 * that names one keeps it; the file store in the store package implements this.
 */
public interface FloorPlanImageStore {

    /** Whether the image is stored; answers from memory (safe on the event loop). */
    boolean has(String sha256);

    /** Stores the image durably (blocking: call on a worker); an image already stored is left as it is. */
    void save(CheckedImage image);

    /** The stored image's file, for sending; only meaningful when {@link #has} says so. */
    Path file(String sha256);
}
