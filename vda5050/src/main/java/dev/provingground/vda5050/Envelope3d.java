package dev.provingground.vda5050;

import java.util.Map;

/**
 * Factsheet: a 3D envelope, inline ({@code data}, format-specific JSON object) or by {@code url}.
 * {@code description} is a string as the 2.1.0 text says; the published schema's integer type is a defect.
 */
public record Envelope3d(String set, String format, Map<String, Object> data, String url, String description) {

    public Envelope3d {
        data = JsonValues.normalizeObject("Envelope3d.data", data);
    }
}
