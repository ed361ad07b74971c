package dev.provingground.trackrecord.export;

/**
 * File names and format markers of an export bundle (a zip). Shared by the writer and the verifier: names carry no
 * logic that could hide a bug.
 */
public final class BundleLayout {

    public static final String FORMAT = "proving-ground-track-record-bundle";
    /** Version 2 added the context (identity and rules) and the KPI formulas; version 1 bundles still verify. */
    public static final int VERSION = 2;

    public static final String MANIFEST = "manifest.json";
    public static final String README = "README.txt";
    public static final String EVENTS = "events.jsonl";
    public static final String CHECKPOINT = "checkpoint.txt";
    public static final String VERIFIER_KEY = "verifier-key.txt";
    public static final String RANGE_PROOF = "range-proof.json";
    public static final String LEAF_HASHES = "leaf-hashes.bin";
    public static final String SINCE_CHECKPOINT = "since-checkpoint.txt";
    public static final String CONSISTENCY_PROOF = "consistency-proof.json";
    public static final String KPIS_JSON = "kpis.json";
    public static final String KPIS_CSV = "kpis.csv";
    public static final String KPI_FORMULAS = "KPIS.md";
    public static final String CONTEXT = "context.json";
    public static final String CONTEXT_LEAVES = "context-leaves.jsonl";
    public static final String CONTEXT_PROOFS = "context-proofs.json";

    /** A site bundle: the bundles of every log of one site, see {@link SiteBundleWriter}. */
    public static final String SITE_FORMAT = "proving-ground-site-bundle";
    public static final int SITE_VERSION = 1;
    public static final String SITE_MANIFEST = "site-manifest.json";

    private BundleLayout() {
    }

    /** Where a log's bundle lies in a site bundle: {@code logs/site.zip} or {@code logs/firm-<firm>.zip}. */
    public static String siteBundleEntry(dev.provingground.trackrecord.log.LogId log) {
        return "logs/" + (log.firm() == null ? "site" : "firm-" + log.firm()) + ".zip";
    }
}
