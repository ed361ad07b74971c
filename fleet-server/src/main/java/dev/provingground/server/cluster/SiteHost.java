package dev.provingground.server.cluster;

import dev.provingground.server.config.ServerConfig;
import dev.provingground.server.config.TlsConfig;
import dev.provingground.server.time.VertxScheduler;
import dev.provingground.server.wiring.Environment;
import dev.provingground.server.wiring.FleetServer;
import dev.provingground.site.Site;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One site served by this node: the fence on its data directory, a fleet server over that directory holding only
 * this site (its firms, tokens, robots, zones, tasks, elevators and track record), listening on loopback, and the
 * relay that hands it the REST requests any node took for the site. Opening and closing block; they run on the
 * claims thread, never on an event loop.
 */
final class SiteHost {

    private static final Logger LOG = Logger.getLogger(SiteHost.class.getName());
    private static final long START_SECONDS = 60;

    private final Site site;
    private final StorageFence fence;
    private final FleetServer server;
    private final SiteApiRelay relay;

    private SiteHost(Site site, StorageFence fence, FleetServer server, SiteApiRelay relay) {
        this.site = site;
        this.fence = fence;
        this.server = server;
        this.relay = relay;
    }

    /** Where a site's data lives under the cluster's shared data directory. */
    static Path siteDir(Path dataDir, String siteId) {
        return dataDir.resolve("sites").resolve(siteId);
    }

    /**
     * Fences the site's directory, opens its server (recovering what the previous owner left) and starts taking its
     * requests.
     *
     * @param base the node's configuration; data directory, HTTP listener and sites are the site's own
     */
    static SiteHost open(Vertx vertx, ServerConfig base, Site site, long proposedEpoch, ClusterBroker broker,
                         Map<String, String> robotSites, Clock clock) throws Exception {
        Path dir = siteDir(base.dataDir(), site.id());
        StorageFence fence = StorageFence.take(dir, proposedEpoch);
        FleetServer server = null;
        try {
            ServerConfig config = base.withDataDir(dir).withSites(List.of()).withTls(TlsConfig.none())
                    .withHttp(base.http().withHost("127.0.0.1").withPort(0));
            Environment environment = new Environment(clock, context -> new VertxScheduler(context.owner(), context),
                    new ClusterLinks(site.id(), broker, robotSites), new SecureRandom());
            server = new FleetServer(vertx, config, environment, List.of(site));
            await(server.start());
            SiteApiRelay relay = new SiteApiRelay(vertx, site.id(), server.httpPort());
            await(relay.start());
            LOG.info("serving site " + site.id() + " at epoch " + fence.epoch() + " from " + dir.toAbsolutePath());
            return new SiteHost(site, fence, server, relay);
        } catch (Exception | Error e) {
            if (server != null) {
                try {
                    await(server.stop());
                } catch (Exception stopping) {
                    e.addSuppressed(stopping);
                }
            }
            fence.close();
            throw e;
        }
    }

    String siteId() {
        return site.id();
    }

    long epoch() {
        return fence.epoch();
    }

    FleetServer server() {
        return server;
    }

    /** Stops taking requests and robot messages, closes the stores (flushing them), then lets go of the fence. */
    void close() throws Exception {
        try {
            await(relay.stop());
            await(server.stop());
        } finally {
            fence.close();
        }
        LOG.info("no longer serving site " + site.id());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(START_SECONDS, TimeUnit.SECONDS);
    }
}
