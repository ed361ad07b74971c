package dev.provingground.server.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.provingground.server.config.MqttConfig;
import dev.provingground.server.config.ServerConfig;
import dev.provingground.site.Site;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A {@code serve --cluster} node: a clustered Vert.x (Hazelcast cluster manager) whose event bus joins the nodes, a
 * share of the broker's robot traffic ({@link ClusterBroker}), the sites it owns ({@link SiteClaims},
 * {@link SiteHost}) and the REST front that answers for every site ({@link ClusterFront}). docs/ARCHITECTURE.md,
 * "Cluster", says why it is built this way; docs/CLUSTER.md how to run it.
 */
public final class ClusterNode {

    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());
    static final String CLUSTER_NAME = "proving-ground";
    /** How often a node looks for sites to claim; a member leaving triggers a look at once. */
    private static final long CLAIM_ROUND_MILLIS = 1000;

    private final Vertx vertx;
    private final ClusterBroker broker;
    private final SiteClaims claims;
    private final ClusterFront front;
    private final long claimTimer;

    private ClusterNode(Vertx vertx, ClusterBroker broker, SiteClaims claims, ClusterFront front, long claimTimer) {
        this.vertx = vertx;
        this.broker = broker;
        this.claims = claims;
        this.front = front;
        this.claimTimer = claimTimer;
    }

    /**
     * Joins the cluster and starts serving. Blocks until the node answers on its HTTP port.
     *
     * @param config the node's configuration: its HTTP listener, the broker (external mode), the shared data
     *               directory under which each site has its own
     * @param sites  the cluster's sites; every node must be given the same
     */
    public static ClusterNode start(ClusterSettings settings, ServerConfig config, List<Site> sites, Clock clock)
            throws Exception {
        if (config.mqtt().mode() != MqttConfig.Mode.EXTERNAL)
            throw new IllegalArgumentException("a cluster needs an MQTT broker (--mqtt-broker): robots reach every "
                    + "node through it");
        if (sites.isEmpty())
            throw new IllegalArgumentException("a cluster needs its sites (--site FILE, the same on every node)");
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcastConfig(settings));
        Vertx vertx = await(Vertx.builder()
                .with(new VertxOptions().setEventBusOptions(new EventBusOptions()
                        .setHost(settings.host()).setPort(settings.busPort())))
                .withClusterManager(manager).buildClustered());
        try {
            HazelcastInstance hazelcast = manager.getHazelcastInstance();
            Map<String, String> robotSites = hazelcast.getReplicatedMap("pg.robot-sites");
            String member = hazelcast.getCluster().getLocalMember().getUuid().toString();
            MqttConfig mqtt = config.mqtt();
            ClusterBroker broker = new ClusterBroker(vertx, new MqttConfig(mqtt.mode(), mqtt.host(), mqtt.port(),
                    mqtt.maxMessageSize(), mqtt.username(), mqtt.password(), mqtt.clientId() + "-" + member,
                    mqtt.reconnectMillis(), mqtt.maxConnections(), mqtt.robotLanes()), robotSites::get, clock);
            await(broker.start());
            SiteClaims claims = new SiteClaims(hazelcast, sites, settings.expectedMembers(),
                    (site, epoch) -> SiteHost.open(vertx, config, site, epoch, broker, robotSites, clock), clock);
            ClusterFront front = new ClusterFront(vertx, config.http(), claims.siteIds(), () -> claims.status()
                    .put("mqtt", new JsonObject().put("forwarded", broker.forwarded())
                            .put("withoutSite", broker.unrouted())));
            await(front.start());
            hazelcast.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent e) {
                    claims.roundSoon();
                }

                @Override
                public void memberRemoved(MembershipEvent e) {
                    LOG.info("cluster member left: " + e.getMember());
                    claims.roundSoon();
                }
            });
            long timer = vertx.setPeriodic(CLAIM_ROUND_MILLIS, t -> claims.roundSoon());
            claims.roundSoon();
            LOG.info("cluster node " + member + " up: HTTP " + front.port() + ", cluster " + settings.host() + ":"
                    + settings.port());
            return new ClusterNode(vertx, broker, claims, front, timer);
        } catch (Exception | Error e) {
            vertx.close();
            throw e;
        }
    }

    /**
     * Hazelcast as Vert.x needs it (its default-cluster.xml) with this node's network: TCP/IP join through the given
     * members, no multicast, and a failure detector fast enough that a dead owner's sites move within seconds.
     */
    static Config hazelcastConfig(ClusterSettings settings) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(CLUSTER_NAME);
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // The node stops its sites before it leaves; Hazelcast's own hook would leave first.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.local.localAddress", settings.host());
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members().isEmpty()
                ? List.of(settings.host() + ":" + settings.port()) : settings.members());
        return config;
    }

    public int httpPort() {
        return front.port();
    }

    /** Sites this node serves now, by id. */
    public List<String> ownedSites() {
        return claims.hosted().keySet().stream().sorted().toList();
    }

    /** Hands its sites back (closing each cleanly, so another node takes it at once), then leaves the cluster. */
    public void stop() throws Exception {
        vertx.cancelTimer(claimTimer);
        claims.releaseAll();
        await(front.stop());
        await(broker.stop());
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
}
