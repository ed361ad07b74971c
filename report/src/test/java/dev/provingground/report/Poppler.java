package dev.provingground.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's poppler-utils (pdftotext, pdfimages, pdfdetach, pdfinfo) on a PDF: an independent reader of it. */
final class Poppler {

    private Poppler() {
    }

    static String text(Path pdf) throws Exception {
        return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** One line per image, without pdfimages' two header lines. */
    static List<String> images(Path pdf) throws Exception {
        List<String> lines = new ArrayList<>(run("pdfimages", "-list", pdf.toString()).lines().toList());
        return lines.subList(Math.min(2, lines.size()), lines.size());
    }

    static byte[] attachment(Path pdf, Path into) throws Exception {
        run("pdfdetach", "-save", "1", "-o", into.toString(), pdf.toString());
        return Files.readAllBytes(into);
    }

    static String metadata(Path pdf) throws Exception {
        return run("pdfinfo", "-meta", pdf.toString());
    }

    static void pngs(Path pdf, Path prefix) throws Exception {
        run("pdftoppm", "-png", "-r", "70", pdf.toString(), prefix.toString());
    }

    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " is missing: install Debian's poppler-utils", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish within 60 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + text);
        }
        return text;
    }
}
