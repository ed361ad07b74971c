package dev.provingground.sim.demo;

import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The demo building (docs/SITE-FORMAT.md describes the file and draws its plan). */
public final class DemoSite {

    public static final String RESOURCE = "/dev/provingground/sim/demo-site.json";

    private DemoSite() {
    }

    public static Site load() {
        try (InputStream in = DemoSite.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("demo site missing from the jar: " + RESOURCE);
            return SiteFormat.read(in, "demo-site.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
