package dev.provingground.trackrecord.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.kpi.KpiScope;

/**
 * What manifest.json claims about a bundle; every part of it is checked against the signed checkpoint, the range
 * proof or the recomputed KPIs before it is believed.
 *
 * @param version       the bundle format version (1 or 2)
 * @param period        the period object of a version 2 manifest, checked against the events; missing in version 1
 * @param sinceTreeSize size of the recipient's earlier checkpoint, or {@code null} when the bundle has no consistency
 *                      proof
 */
record BundleManifest(int version, String origin, long treeSize, long start, long end, KpiScope scope,
                      Long sinceTreeSize, JsonNode period) {

    /** Bundles of version 2 on carry context.json, its leaves and proofs, and KPIS.md. */
    boolean hasContext() {
        return version >= 2;
    }
}
