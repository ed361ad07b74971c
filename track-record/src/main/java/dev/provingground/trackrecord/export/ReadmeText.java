package dev.provingground.trackrecord.export;

import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.kpi.KpiScope;

/** The README.txt of a bundle: what it holds, how to verify it, and what a check does and does not prove. */
final class ReadmeText {

    private ReadmeText() {
    }

    static String render(String origin, long treeSize, long start, long end, KpiScope scope, boolean hasSince,
                         VerifierKey key) {
        String period = (scope.from() == null ? "the log's beginning" : EventCodec.formatTime(scope.from())) + " to "
                + (scope.to() == null ? "the checkpoint" : EventCodec.formatTime(scope.to()));
        String robots = scope.robots().isEmpty() ? "all robots" : "robots " + String.join(", ", scope.sortedRobots());
        return """
                Proving Ground track-record bundle
                ==================================

                Log:        %s
                Leaves:     %d to %d (%d events) of a signed tree of %d leaves
                Period:     %s
                KPIs about: %s
                Signed by:  %s

                HOW TO VERIFY
                  ./proving-ground verify THIS.zip --key VERIFIER_KEY
                Pin the key you obtained from Proving Ground independently (the key string above, or the file
                checkpoint-verifier.key the operator publishes). Without --key the verifier uses verifier-key.txt from
                the bundle itself, which proves the bundle is intact but not who signed it. The verifier works
                offline, exits 0 with a one-line summary when everything checks, and otherwise names the first bad
                file and line.

                WHAT IS IN HERE
                  events.jsonl           the events, one leaf per line in log order: each line is exactly the leaf's
                                         bytes (UTF-8 JSON) followed by a newline that is not part of the leaf
                  checkpoint.txt         C2SP tlog-checkpoint (origin, tree size, base64 root) in a C2SP signed-note,
                                         Ed25519
                  verifier-key.txt       the C2SP verifier key of the signer
                  range-proof.json       hashes of the subtrees outside the exported leaves, in the order RFC 9162's
                                         recursive MTH meets them, so the signed root can be recomputed
                  leaf-hashes.bin        the 32-byte leaf hash of every exported leaf, back to back; only used to name
                                         the line that differs when the root does not match (it is itself checked
                                         against the signed root first)
                  kpis.json, kpis.csv    the KPIs, recomputed by the verifier from events.jsonl (formulas: docs/KPIS.md)
                  manifest.json          origin, tree size, exported range, period and robot filter%s

                MANUAL CHECK (RFC 9162 and C2SP)
                  1. Verify checkpoint.txt with the verifier key: the signature covers the note text up to and
                     including the newline before the blank line; key ID = first 4 bytes of
                     SHA-256(key name || 0x0A || 0x01 || public key).
                  2. For each line of events.jsonl (without its newline) compute SHA-256(0x00 || line).
                  3. Rebuild MTH over [0, tree size): split at the largest power of two below the size; a part lying
                     wholly outside [start, end) takes the next hash of range-proof.json, a leaf inside takes the
                     next line's hash, a node is SHA-256(0x01 || left || right). Compare with the checkpoint's root.%s

                WHAT A PASSING CHECK MEANS
                  The events are exactly leaves %d to %d of the log the key signed: none was dropped, changed,
                  reordered or inserted within that range, and none can have been added later with an earlier place.
                  The range runs from the first leaf whose time is in the period to the last one; every leaf in
                  between is included whatever its time (a range with holes could not be checked). An event of the
                  period appended to the log unusually late, outside that range, is not in this bundle.
                  The robot filter applies to the KPIs only, never to the leaves: events of other robots in the range
                  must stay in events.jsonl for the root to be recomputed. kpis.json says which robots it covers.
                  KPIs are not signed; they are trustworthy because the verifier recomputes them from the signed
                  events.
                """.formatted(origin, start, end - 1, end - start, treeSize, period, robots, key.encoded(),
                hasSince ? """

                  since-checkpoint.txt   the checkpoint you already held
                  consistency-proof.json RFC 9162 consistency proof from that checkpoint to checkpoint.txt""" : "",
                hasSince ? """

                  4. Verify since-checkpoint.txt like checkpoint.txt and check consistency-proof.json between the two
                     roots (RFC 9162 section 2.1.4.2). Compare since-checkpoint.txt with the checkpoint you hold.""" : "",
                start, end - 1);
    }
}
