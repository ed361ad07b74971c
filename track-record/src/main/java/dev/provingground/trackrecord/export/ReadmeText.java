package dev.provingground.trackrecord.export;

import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.context.BundleContext;
import dev.provingground.trackrecord.context.LogStamp;
import dev.provingground.trackrecord.context.RobotIdentity;
import dev.provingground.trackrecord.context.RobotRegistration;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.kpi.KpiScope;

/** The README.txt of a bundle: what it holds, how to verify it, and what a check does and does not prove. */
final class ReadmeText {

    private ReadmeText() {
    }

    private static String events(Period period) {
        if (period.firstEvent() == null) return "none";
        String first = EventCodec.formatTime(period.firstEvent());
        String last = EventCodec.formatTime(period.lastEvent());
        return period.timeZone() == null ? first + " to " + last + " (UTC)"
                : first + " to " + last + " (UTC) = " + period.local(period.firstEvent()) + " to "
                + period.local(period.lastEvent());
    }

    private static String site(BundleContext context) {
        return context.site() + (context.firm() == null ? " (site log)" : ", firm " + context.firm())
                + (context.levels().isEmpty() ? "" : "; levels " + String.join(", ", context.levels()))
                + (context.timeZone() == null ? "" : "; time zone " + context.timeZone());
    }

    private static String rules(BundleContext context) {
        long site = context.rules().stream().filter(r -> r.target().equals("SITE")).count();
        return "Rules:      " + (context.rules().size() - site) + " zone, rule and elevator changes and " + site
                + " site changes up to the end of the range, each with its leaf (context.json)";
    }

    private static String robotLines(BundleContext context) {
        if (context.robots().isEmpty()) return "  none";
        StringBuilder out = new StringBuilder();
        for (RobotIdentity robot : context.robots()) {
            RobotRegistration r = robot.registration();
            out.append("  ").append(robot.id()).append(" of ").append(robot.firm()).append(": ");
            if (r == null) {
                out.append("no registration in the log (registered before registrations were recorded)");
            } else {
                out.append(r.manufacturer()).append(" serial ").append(r.serialNumber()).append(", model ")
                        .append(r.modelName()).append(" (").append(r.profile()).append("), ").append(r.kind())
                        .append(' ').append(r.environment()).append(", ").append(r.massWithPayloadKg())
                        .append(" kg with payload, ")
                        .append(r.speedClass() == null ? "no outdoor speed class" : "speed class " + r.speedClass()
                                + " (cap " + r.speedClassLimitKmh() + " km/h)")
                        .append(r.uvc() ? ", UV-C lamp" : "").append("; registered ")
                        .append(EventCodec.formatTime(robot.registered().time())).append(" (leaf ")
                        .append(robot.registered().leaf()).append(')');
            }
            if (!robot.credentialRotations().isEmpty()) {
                LogStamp last = robot.credentialRotations().get(robot.credentialRotations().size() - 1);
                out.append("; credential rotations: ").append(robot.credentialRotations().size())
                        .append(", last ").append(EventCodec.formatTime(last.time())).append(" (leaf ")
                        .append(last.leaf()).append(')');
            }
            out.append("\n");
        }
        return out.toString().stripTrailing();
    }

    static String render(String origin, long treeSize, long start, long end, KpiScope scope, boolean hasSince,
                         VerifierKey key, Period period, BundleContext context) {
        String robots = scope.robots().isEmpty() ? "all robots" : "robots " + String.join(", ", scope.sortedRobots());
        return """
                Proving Ground track-record bundle
                ==================================

                Log:        %s
                Leaves:     %d to %d (%d events) of a signed tree of %d leaves
                Period:     %s
                Events:     %s
                KPIs about: %s
                Signed by:  %s
                Site:       %s
                %s

                ROBOTS (from their registration events in the log; leaf numbers can be proven)
                %s

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
                  manifest.json          origin, tree size, exported range, robot filter, and the period in UTC and
                                         in the site's local time
                  context.json           the robots (firm, manufacturer, serial number, model, kind, mass, speed
                                         class, UV-C, registration and credential rotations) and the site, levels,
                                         zones and rules with every change: derived from config.change leaves, each
                                         named by its leaf index; the verifier derives it again and compares
                  context-leaves.jsonl   the config.change leaves before the exported range, exact leaf bytes
                  context-proofs.json    an RFC 9162 inclusion proof of each of them against checkpoint.txt
                  KPIS.md                the KPI formulas this bundle's kpis.json was computed by (docs/KPIS.md)%s

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
                """.formatted(origin, start, end - 1, end - start, treeSize, period.describe(), events(period), robots,
                key.encoded(), site(context), rules(context), robotLines(context),
                hasSince ? """

                  since-checkpoint.txt   the checkpoint you already held
                  consistency-proof.json RFC 9162 consistency proof from that checkpoint to checkpoint.txt""" : "",
                hasSince ? """

                  4. Verify since-checkpoint.txt like checkpoint.txt and check consistency-proof.json between the two
                     roots (RFC 9162 section 2.1.4.2). Compare since-checkpoint.txt with the checkpoint you hold.""" : "",
                start, end - 1);
    }
}
