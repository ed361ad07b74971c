package dev.provingground.server.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reading files out of an export bundle. */
public final class Bundles {

    private Bundles() {
    }

    public static String entry(Path zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; )
                if (e.getName().equals(name)) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        throw new AssertionError(name + " not in " + zip);
    }
}
