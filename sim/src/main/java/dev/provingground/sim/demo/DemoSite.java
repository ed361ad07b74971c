package dev.provingground.sim.demo;

import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo building (docs/SITE-FORMAT.md describes the file and draws its plan). */
public final class DemoSite {

    public static final String RESOURCE = "/dev/provingground/sim/demo-site.json";
    public static final String ZONES = "/dev/provingground/sim/demo-zones.geojson";

    private DemoSite() {
    }

    /** The demo's zones: one of each kind (docs/SITE-FORMAT.md lists them), as a GeoJSON FeatureCollection. */
    public static String zones() {
        try (InputStream in = DemoSite.class.getResourceAsStream(ZONES)) {
            if (in == null) throw new IllegalStateException("demo zones missing from the jar: " + ZONES);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
