package dev.provingground.app;

import dev.provingground.server.cluster.ClusterNode;
import dev.provingground.server.cluster.ClusterSettings;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.site.Site;
import dev.provingground.site.SiteFormat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code serve --cluster}: one node of a cluster, until Ctrl-C, which hands its sites to the other nodes. */
final class ClusterServe {

    private ClusterServe() {
    }

    /** What a node will run, checked before anything starts. */
    record Plan(ClusterSettings settings, ServerConfig config, List<Site> sites) {
    }

    /** @throws IllegalArgumentException naming what is wrong with the options */
    static Plan plan(ClusterSettings settings, ServerConfig config) {
        if (config.tls().enabled())
            throw new IllegalArgumentException("--cluster does not serve TLS itself; put a TLS proxy in front of the "
                    + "nodes (docs/CLUSTER.md)");
        if (config.mqtt().mode() != MqttConfig.Mode.EXTERNAL)
            throw new IllegalArgumentException("--cluster needs --mqtt-broker: robots reach every node through the "
                    + "broker (docs/CLUSTER.md)");
        if (config.sites().isEmpty())
            throw new IllegalArgumentException("--cluster needs the cluster's sites: --site FILE, the same on every "
                    + "node");
        List<Site> sites = new ArrayList<>();
        for (Path file : config.sites()) sites.add(SiteFormat.read(file));
        return new Plan(settings, config, sites);
    }

    static int run(Plan plan) throws Exception {
        ClusterSettings settings = plan.settings();
        ServerConfig config = plan.config();
        List<Site> sites = plan.sites();
        ClusterNode node = ClusterNode.start(settings, config, sites, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.stop();
            } catch (Exception e) {
                System.err.println("shutdown: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        System.out.println("Proving Ground cluster node: http://" + config.http().host() + ":" + node.httpPort()
                + "/api/v1/cluster  cluster " + settings.host() + ":" + settings.port() + "  sites "
                + sites.stream().map(Site::id).toList() + "  data " + config.dataDir().toAbsolutePath());
        System.out.println("Each site's API: /site/{site}/api/v1/...; its operator token: "
                + config.dataDir().resolve("sites").toAbsolutePath() + "/{site}/operator.token   Stop with Ctrl-C.");
        stopped.await();
        return 0;
    }
}
