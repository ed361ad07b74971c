package dev.provingground.trackrecord.verify;

import dev.provingground.trackrecord.checkpoint.SignedCheckpoint;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.kpi.KpiScope;

/**
 * What a bundle says about itself, as the verifier read it: its log, the leaves it holds, the period and robots its
 * KPIs cover, the signed checkpoint and the key that checked it.
 *
 * @param origin        the log's origin line
 * @param treeSize      the size of the tree the checkpoint signs
 * @param start         first leaf index in events.jsonl
 * @param end           one past the last leaf index
 * @param scope         the period and robots of the KPIs
 * @param checkpoint    the signed checkpoint note
 * @param key           the key its signature was checked with
 * @param keyPinned     whether that key was given by the recipient rather than taken from the bundle
 * @param sinceTreeSize size of the earlier checkpoint the bundle proves consistency with, or {@code null}
 */
public record BundleFacts(String origin, long treeSize, long start, long end, KpiScope scope,
                          SignedCheckpoint checkpoint, VerifierKey key, boolean keyPinned, Long sinceTreeSize) {
}
