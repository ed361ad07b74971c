package dev.provingground.app.cluster;

import dev.provingground.app.ProvingGround;
import dev.provingground.server.support.Await;
import dev.provingground.server.support.FreePorts;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve --cluster} nodes, each in a child JVM of its own on loopback (so one can be SIGKILLed), sharing one
 * data directory and one broker; and a small HTTP client for their fronts.
 */
final class ClusterNodes implements AutoCloseable {

    record Node(int index, Process process, int httpPort, int clusterPort, Path log) {
        String address() {
            return "[127.0.0.1]:" + clusterPort;
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Path data;

    private ClusterNodes(Path data) {
        this.data = data;
    }

    static ClusterNodes start(int count, Path dir, int brokerPort, List<Path> siteFiles) throws IOException {
        ClusterNodes cluster = new ClusterNodes(dir.resolve("data"));
        int[] clusterPorts = new int[count];
        for (int i = 0; i < count; i++) clusterPorts[i] = freePort();
        List<String> members = new ArrayList<>();
        for (int p : clusterPorts) members.add("127.0.0.1:" + p);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < count; i++) {
            int httpPort = freePort();
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), ProvingGround.class.getName(), "serve", "--cluster",
                    "--cluster-port", Integer.toString(clusterPorts[i]), "--cluster-members", String.join(",", members),
                    "--cluster-size", Integer.toString(count), "--data", cluster.data.toString(),
                    "--mqtt-broker", "127.0.0.1", "--mqtt-port", Integer.toString(brokerPort),
                    "--http-port", Integer.toString(httpPort), "--bind", "127.0.0.1"));
            for (Path f : siteFiles) {
                cmd.add("--site");
                cmd.add(f.toString());
            }
            Path log = dir.resolve("node-" + i + ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            cluster.nodes.add(new Node(i, p, httpPort, clusterPorts[i], log));
        }
        return cluster;
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    List<Node> alive() {
        return nodes.stream().filter(n -> n.process().isAlive()).toList();
    }

    /** The cluster's view, as {@code node} answers it; empty while it does not answer. */
    Optional<JsonObject> status(Node node) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + node.httpPort() + "/api/v1/cluster")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 ? Optional.of(new JsonObject(res.body())) : Optional.empty();
        } catch (IOException notUpYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The address of the member owning {@code site}, as {@code node} sees it; empty while none does. */
    Optional<String> owner(Node node, String site) {
        return status(node).flatMap(s -> s.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("site").equals(site) && e.getString("owner") != null)
                .map(e -> e.getString("address")).findFirst());
    }

    Node nodeAt(String address) {
        return nodes.stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow();
    }

    void awaitEverySiteOwned(List<String> sites, Duration timeout) {
        Await.until("every site owned", timeout, () -> {
            for (Node n : nodes) if (!n.process().isAlive()) throw new AssertionError("node " + n.index()
                    + " ended early:\n" + log(n));
            return sites.stream().allMatch(s -> owner(nodes.get(0), s).isPresent());
        });
    }

    String operatorToken(String site) {
        try {
            return Files.readString(data.resolve("sites").resolve(site).resolve("operator.token"),
                    StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request to {@code site}'s API through {@code node}'s front. */
    HttpResponse<byte[]> call(Node node, String site, String method, String path, String token, JsonObject body) {
        return call(node, site, method, path, token, body, Duration.ofSeconds(60));
    }

    HttpResponse<byte[]> call(Node node, String site, String method, String path, String token, JsonObject body,
                              Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/site/"
                        + site + path)).timeout(timeout).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) b.header("Content-Type", "application/json");
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> res) {
        return new String(res.body(), StandardCharsets.UTF_8);
    }

    static JsonObject json(HttpResponse<byte[]> res) {
        return new JsonObject(text(res));
    }

    String log(Node n) {
        try {
            String all = Files.readString(n.log(), StandardCharsets.UTF_8);
            return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the cluster. */
    void kill(Node n) throws InterruptedException {
        n.process().destroyForcibly();
        if (!n.process().waitFor(10, TimeUnit.SECONDS)) throw new AssertionError("node " + n.index() + " not dead");
    }

    @Override
    public void close() throws InterruptedException {
        for (Node n : nodes) n.process().destroy();
        for (Node n : nodes) {
            if (!n.process().waitFor(20, TimeUnit.SECONDS)) {
                n.process().destroyForcibly();
                n.process().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() {
        return FreePorts.loopback();
    }
}
