package dev.provingground.trackrecord.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provingground.trackrecord.event.EventCodec;
import dev.provingground.trackrecord.log.LogId;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A site bundle, for operators: every log of one site (the site log and each firm's log), each as a complete bundle
 * of its own that verifies on its own, in one zip with {@code site-manifest.json} listing them. A firm's record
 * stays in its own signed log; the site bundle only puts them side by side.
 */
public final class SiteBundleWriter {

    /** Writes one log's bundle to a stream; the store's export. */
    @FunctionalInterface
    public interface LogExport {
        ExportResult export(LogId log, ExportQuery query, OutputStream target) throws IOException;
    }

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SiteBundleWriter() {
    }

    /**
     * @param logs the site's logs with a signed checkpoint, in a stable order
     * @return what each log's bundle holds
     */
    public static List<ExportResult> write(String site, List<LogId> logs, ExportQuery query, Instant createdAt,
                                           LogExport export, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        zip.setComment("Proving Ground site bundle " + site + " (" + logs.size() + " logs)");
        List<ExportResult> results = new ArrayList<>();
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", BundleLayout.SITE_FORMAT);
        manifest.put("version", BundleLayout.SITE_VERSION);
        manifest.put("site", site);
        manifest.put("createdAt", EventCodec.formatTime(createdAt));
        ArrayNode entries = manifest.putArray("logs");
        for (LogId log : logs) {
            if (!log.site().equals(site)) throw new IllegalArgumentException(log.origin() + " is not a log of " + site);
            String file = BundleLayout.siteBundleEntry(log);
            zip.putNextEntry(new ZipEntry(file));
            results.add(export.export(log, query, new FilterOutputStream(zip) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() {
                    // The inner bundle ends with its entry, not with the site bundle.
                }
            }));
            zip.closeEntry();
            entries.addObject().put("origin", log.origin()).put("firm", log.firm()).put("file", file);
        }
        put(zip, BundleLayout.SITE_MANIFEST, (JSON.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
        put(zip, BundleLayout.README, readme(site, results).getBytes(StandardCharsets.UTF_8));
        zip.finish();
        return results;
    }

    private static String readme(String site, List<ExportResult> results) throws JsonProcessingException {
        StringBuilder logs = new StringBuilder();
        for (ExportResult r : results) {
            logs.append("  ").append(BundleLayout.siteBundleEntry(r.log())).append("  ").append(r.log().origin())
                    .append(": ").append(r.events()).append(" events, leaves ").append(r.start()).append(" to ")
                    .append(r.end() - 1).append(" of ").append(r.treeSize()).append('\n');
        }
        return """
                Proving Ground site bundle
                ==========================

                Site: %s

                Every log of the site, each a complete track-record bundle with its own README.txt, checkpoint,
                identity and rules (context.json) and KPIs:
                %s
                HOW TO VERIFY
                  ./proving-ground verify THIS.zip --key VERIFIER_KEY
                verifies every inner bundle and that site-manifest.json lists exactly the bundles present. Each inner
                bundle can also be taken out and verified alone. The site log holds site-wide changes (site, zones,
                rules, elevators); each firm's robots' events are in that firm's log only.
                """.formatted(site, logs);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
