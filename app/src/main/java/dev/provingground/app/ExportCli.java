package dev.provingground.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Download a firm's track-record bundle from a server, with a progress bar.")
public final class ExportCli implements Callable<Integer> {

    @Option(names = "--server", required = true, paramLabel = "URL", description = "e.g. http://localhost:8080")
    String server;

    @Option(names = "--token", required = true, paramLabel = "T", description = "bearer token (operator, or the firm's vendor token)")
    String token;

    @Option(names = "--site", required = true, paramLabel = "S")
    String site;

    @Option(names = "--firm", required = true, paramLabel = "F")
    String firm;

    @Option(names = "--robot", paramLabel = "R", description = "KPIs about this robot only")
    String robot;

    @Option(names = "--from", paramLabel = "TIME", description = "period start, ISO 8601 UTC")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "period end, ISO 8601 UTC")
    String to;

    @Option(names = "--since", paramLabel = "FILE", description = "a checkpoint note you already hold: the bundle proves consistency with it")
    Path since;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE")
    Path output;

    @Override
    public Integer call() throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("site", site);
        query.put("firm", firm);
        if (robot != null) query.put("robot", robot);
        if (from != null) query.put("from", from);
        if (to != null) query.put("to", to);
        if (since != null) query.put("since", Files.readString(since));
        String q = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(server.replaceAll("/+$", "") + "/api/v1/reports/export?" + q);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                System.err.println("export failed: HTTP " + response.statusCode() + " "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            return 1;
        }
        long total = response.headers().firstValueAsLong("content-length").orElse(-1);
        Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".export", ".part");
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(tmp)) {
            copyWithProgress(in, out, total);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + output + " (" + Files.size(output) + " bytes); check it with: ./proving-ground verify " + output);
        return 0;
    }

    private static void copyWithProgress(InputStream in, OutputStream out, long total) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long done = 0;
        int lastShown = -1;
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            done += n;
            int percent = total > 0 ? (int) (100 * done / total) : -1;
            if (percent != lastShown) {
                lastShown = percent;
                System.err.print("\r" + bar(done, total));
            }
        }
        System.err.println("\r" + bar(done, total));
    }

    static String bar(long done, long total) {
        if (total <= 0) return String.format("downloading %,d bytes", done);
        int width = 30;
        int filled = (int) (width * done / total);
        return String.format("[%s%s] %3d%% %,d / %,d bytes", "#".repeat(filled), " ".repeat(width - filled),
                100 * done / total, done, total);
    }
}
