package dev.provingground.trackrecord.verify;

import dev.provingground.trackrecord.kpi.KpiScope;

/**
 * What manifest.json claims about a bundle; every part of it is checked against the signed checkpoint, the range
 * proof or the recomputed KPIs before it is believed.
 *
 * @param sinceTreeSize size of the recipient's earlier checkpoint, or {@code null} when the bundle has no consistency
 *                      proof
 */
record BundleManifest(String origin, long treeSize, long start, long end, KpiScope scope, Long sinceTreeSize) {
}
