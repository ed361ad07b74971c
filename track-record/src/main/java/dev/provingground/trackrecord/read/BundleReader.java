package dev.provingground.trackrecord.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.context.BundleContext;
import dev.provingground.trackrecord.context.ContextFiles;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.event.TrackEvent;
import dev.provingground.trackrecord.export.BundleLayout;
import dev.provingground.trackrecord.export.Period;
import dev.provingground.trackrecord.kpi.KpiFiles;
import dev.provingground.trackrecord.kpi.KpiReport;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.verify.BundleVerifier;
import dev.provingground.trackrecord.verify.VerifyResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One bundle's parts, typed, for programs that present a bundle (the PDF report): what it covers, who and where it is
 * about, its KPIs and its events with their leaf indices. Open it with {@link #openVerified}, which runs the
 * {@link BundleVerifier} first, so everything read here is what the signed log proves (context and KPIs are derived
 * from it again by the verifier). A site bundle is refused: open its inner bundles one by one.
 *
 * <pre>{@code
 * try (BundleReader bundle = BundleReader.openVerified(path, pinnedKey)) {
 *     bundle.period().describe();                        // UTC and local time
 *     bundle.context().robots();                         // firm, manufacturer, serial, model, speed class, leaves
 *     bundle.context().rules();                          // site, zone, rule, elevator changes with their leaves
 *     bundle.kpis().require("interventions.per_1000_km") // value, numerator, denominator, sample size, 95 % CI
 *     bundle.forEachEvent((leaf, event) -> ...);         // in log order, each with its leaf index
 * }
 * }</pre>
 */
public final class BundleReader implements AutoCloseable {

    /** Sees each event of events.jsonl with its leaf index in the log. */
    @FunctionalInterface
    public interface EventVisitor {
        void event(long leaf, TrackEvent event) throws IOException;
    }

    /** The bundle did not verify; {@link #result()} says why. */
    public static final class RejectedBundleException extends Exception {
        private final transient VerifyResult result;

        RejectedBundleException(VerifyResult result) {
            super(result.summary());
            this.result = result;
        }

        public VerifyResult result() {
            return result;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ZipFile zip;
    private final VerifyResult verification;
    private final JsonNode manifest;
    private final KpiReport kpis;
    private final BundleContext context;
    private final Period period;

    private BundleReader(ZipFile zip, VerifyResult verification) throws IOException {
        this.zip = zip;
        this.verification = verification;
        this.manifest = JSON.readTree(bytes(BundleLayout.MANIFEST));
        this.kpis = KpiFiles.parseJson(bytes(BundleLayout.KPIS_JSON));
        this.context = zip.getEntry(BundleLayout.CONTEXT) == null ? null
                : ContextFiles.parse(bytes(BundleLayout.CONTEXT));
        this.period = manifest.path("period").isObject() ? Period.fromJson(manifest.get("period"))
                : new Period(kpis.scope().from(), kpis.scope().to(), null, null, null, null);
    }

    /**
     * Verifies the bundle, then opens it.
     *
     * @param pinnedKey the key the reader trusts, or {@code null} for the bundle's own (integrity only)
     * @throws RejectedBundleException with the verifier's message when it does not verify, or is a site bundle
     */
    public static BundleReader openVerified(Path bundle, VerifierKey pinnedKey)
            throws IOException, RejectedBundleException {
        VerifyResult result = new BundleVerifier().verify(bundle, pinnedKey);
        if (!result.ok()) throw new RejectedBundleException(result);
        ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8);
        if (zip.getEntry(BundleLayout.SITE_MANIFEST) != null) {
            zip.close();
            throw new RejectedBundleException(new VerifyResult(false, "a site bundle holds several logs: open each of "
                    + "its logs/*.zip on its own", "site bundle"));
        }
        try {
            return new BundleReader(zip, result);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** What the verifier said, e.g. for a "how to verify" page. */
    public VerifyResult verification() {
        return verification;
    }

    public LogId log() {
        return LogId.fromOrigin(manifest.path("origin").asText());
    }

    /** Size of the signed tree the bundle proves against. */
    public long treeSize() {
        return manifest.path("treeSize").asLong();
    }

    /** First exported leaf. */
    public long start() {
        return manifest.path("range").path("start").asLong();
    }

    /** One past the last exported leaf. */
    public long end() {
        return manifest.path("range").path("end").asLong();
    }

    /** The bundle format version (1 or 2). */
    public int version() {
        return manifest.path("version").asInt();
    }

    /** The period in UTC and, where the zone is known, local time; a version 1 bundle has only the bounds. */
    public Period period() {
        return period;
    }

    /** Robots' identity, site, levels and rules with history; {@code null} for a version 1 bundle, which has none. */
    public BundleContext context() {
        return context;
    }

    /** The KPIs with their basis (numerator, denominator, sample size, interval, note) and scope. */
    public KpiReport kpis() {
        return kpis;
    }

    /** checkpoint.txt: the signed note, for printing its origin, size, root and key. */
    public String checkpointNote() throws IOException {
        return new String(bytes(BundleLayout.CHECKPOINT), StandardCharsets.UTF_8);
    }

    /** The bundle's verifier-key.txt. */
    public VerifierKey bundleKey() throws IOException {
        return VerifierKey.parse(new String(bytes(BundleLayout.VERIFIER_KEY), StandardCharsets.UTF_8));
    }

    /** The KPI formulas the bundle carries (KPIS.md), or {@code null} for a version 1 bundle. */
    public String formulas() throws IOException {
        return zip.getEntry(BundleLayout.KPI_FORMULAS) == null ? null
                : new String(bytes(BundleLayout.KPI_FORMULAS), StandardCharsets.UTF_8);
    }

    /** Streams events.jsonl in log order; memory does not grow with the bundle. */
    public void forEachEvent(EventVisitor visitor) throws IOException {
        EventCodec codec = new EventCodec();
        long leaf = start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream(BundleLayout.EVENTS),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (String line; (line = lines.readLine()) != null; leaf++) {
                visitor.event(leaf, codec.decode(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** The names of the files in the bundle. */
    public List<String> files() {
        return zip.stream().map(ZipEntry::getName).toList();
    }

    private InputStream stream(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) throw new IOException(name + " is missing from the bundle");
        return zip.getInputStream(entry);
    }

    private byte[] bytes(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
