package dev.provingground.trackrecord.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provingground.trackrecord.checkpoint.VerifierKey;
import dev.provingground.trackrecord.export.BundleLayout;
import dev.provingground.trackrecord.log.LogId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies a site bundle: site-manifest.json must list exactly the inner bundles present, each a log of the site it
 * names, and every inner bundle must verify on its own. The first problem names the inner bundle.
 */
final class SiteBundleCheck {

    private final BundleVerifier verifier;

    SiteBundleCheck(BundleVerifier verifier) {
        this.verifier = verifier;
    }

    VerifyResult check(BundleFiles files, VerifierKey pinnedKey) throws IOException {
        String file = BundleLayout.SITE_MANIFEST;
        JsonNode manifest = files.json(file);
        if (!BundleLayout.SITE_FORMAT.equals(manifest.path("format").asText(null))
                || manifest.path("version").asInt(-1) != BundleLayout.SITE_VERSION) {
            throw new BundleProblem(file + ": not a " + BundleLayout.SITE_FORMAT + " version " + BundleLayout.SITE_VERSION
                    + " manifest");
        }
        String site = manifest.path("site").asText("");
        Set<String> present = new TreeSet<>();
        for (String name : files.names()) {
            if (name.startsWith("logs/")) present.add(name);
        }
        List<String> summaries = new ArrayList<>();
        for (JsonNode entry : manifest.path("logs")) {
            String origin = entry.path("origin").asText("");
            String inner = entry.path("file").asText("");
            LogId log;
            try {
                log = LogId.fromOrigin(origin);
            } catch (IllegalArgumentException e) {
                throw new BundleProblem(file + ": " + e.getMessage());
            }
            if (!log.site().equals(site) || !inner.equals(BundleLayout.siteBundleEntry(log))) {
                throw new BundleProblem(file + ": " + origin + " in " + inner + " is not a log of site " + site
                        + " where a site bundle keeps it");
            }
            if (!present.remove(inner)) throw new BundleProblem(file + ": lists " + inner + ", which is missing");
            VerifyResult result = verifyInner(files, inner, pinnedKey);
            if (!result.ok()) throw new BundleProblem(inner + ": " + result.firstProblem());
            if (!result.summary().startsWith("VALID " + origin + ":")) {
                throw new BundleProblem(inner + ": holds another log than the " + origin + " " + file + " lists");
            }
            summaries.add(result.summary().substring("VALID ".length()));
        }
        if (!present.isEmpty()) {
            throw new BundleProblem(present.iterator().next() + ": not listed in " + file);
        }
        return VerifyResult.valid("VALID site bundle " + site + ", " + summaries.size() + " logs: "
                + String.join(" | ", summaries));
    }

    private VerifyResult verifyInner(BundleFiles files, String inner, VerifierKey pinnedKey) throws IOException {
        Path copy = Files.createTempFile("site-bundle-", ".zip");
        try {
            try (InputStream in = files.stream(inner)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return verifier.verify(copy, pinnedKey);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
