package dev.provingground.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.provingground.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Which sites this node owns. A site is owned by whoever holds its Hazelcast map lock ({@code pg.sites.locks}); the
 * lock is released when its holder leaves the cluster or dies (Hazelcast's failure detector), so a survivor can take
 * it. Every round (each second, and at once when a member leaves) the node claims the sites whose preferred owner
 * ({@link SitePreference}) it is, and any site that has stayed without an owner for two rounds. A claim raises the
 * site's epoch ({@code pg.sites.epochs}), which fences the site's data directory ({@link StorageFence}); only then
 * is the site's server opened.
 *
 * <p>All Hazelcast calls run on one thread of their own: they block, and a map lock belongs to the thread that took
 * it, so the same thread must release it.
 */
final class SiteClaims {

    private static final Logger LOG = Logger.getLogger(SiteClaims.class.getName());
    /** Rounds a site must stay without owner before a node other than its preferred one claims it. */
    private static final int ORPHAN_ROUNDS = 2;

    interface Opener {
        SiteHost open(Site site, long proposedEpoch) throws Exception;
    }

    private final HazelcastInstance hazelcast;
    private final Map<String, Site> sites;
    private final int expectedMembers;
    private final Opener opener;
    private final Clock clock;
    private final IMap<String, String> locks;
    private final IMap<String, Long> epochs;
    private final IMap<String, String> owners;
    private final Map<String, SiteHost> hosted = new ConcurrentHashMap<>();
    private final Map<String, Integer> orphanRounds = new ConcurrentHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pg-site-claims");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;
    private boolean formed;

    SiteClaims(HazelcastInstance hazelcast, List<Site> sites, int expectedMembers, Opener opener, Clock clock) {
        this.hazelcast = hazelcast;
        Map<String, Site> byId = new LinkedHashMap<>();
        for (Site s : sites) byId.put(s.id(), s);
        this.sites = byId;
        this.expectedMembers = expectedMembers;
        this.opener = opener;
        this.clock = clock;
        this.locks = hazelcast.getMap("pg.sites.locks");
        this.epochs = hazelcast.getMap("pg.sites.epochs");
        this.owners = hazelcast.getMap("pg.sites.owners");
    }

    Set<String> siteIds() {
        return sites.keySet();
    }

    /** Runs a round on the claims thread, soon; rounds never overlap. */
    void roundSoon() {
        if (stopping) return;
        thread.execute(this::round);
    }

    private void round() {
        if (stopping || !hazelcast.getLifecycleService().isRunning()) return;
        Set<Member> members = hazelcast.getCluster().getMembers();
        // The expected size only holds back the first claims, while the nodes started together are still
        // joining; once the cluster has formed (here or before this node joined it), members leaving must not stop
        // the survivors from taking the sites of the dead.
        if (!formed && members.size() < expectedMembers && owners.isEmpty()) return;
        formed = true;
        String me = hazelcast.getCluster().getLocalMember().getUuid().toString();
        Set<String> memberIds = members.stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
        for (Site site : sites.values()) {
            if (stopping) return;
            if (hosted.containsKey(site.id())) continue;
            try {
                boolean orphan = !locks.isLocked(site.id());
                int rounds = orphan ? orphanRounds.merge(site.id(), 1, Integer::sum) : 0;
                if (!orphan) orphanRounds.remove(site.id());
                boolean preferred = SitePreference.preferred(site.id(), memberIds).orElseThrow().equals(me);
                if (orphan && (preferred || rounds > ORPHAN_ROUNDS)) claim(site, me);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "claiming site " + site.id() + " failed; retrying next round", e);
            }
        }
    }

    private void claim(Site site, String me) {
        if (!locks.tryLock(site.id())) return;
        long epoch = nextEpoch(site.id());
        try {
            SiteHost host = opener.open(site, epoch);
            // The fence may have raised the epoch past the cluster's count (the count is lost when every member
            // holding it dies); the cluster follows the fence.
            if (host.epoch() > epoch) epochs.put(site.id(), host.epoch());
            hosted.put(site.id(), host);
            orphanRounds.remove(site.id());
            owners.put(site.id(), new JsonObject().put("owner", me)
                    .put("address", hazelcast.getCluster().getLocalMember().getAddress().toString())
                    .put("epoch", host.epoch()).put("since", clock.instant().toString()).encode());
            LOG.info("site " + site.id() + " claimed at epoch " + host.epoch());
        } catch (Exception e) {
            locks.unlock(site.id());
            LOG.log(Level.WARNING, "could not open site " + site.id() + " after claiming it; released", e);
        }
    }

    private long nextEpoch(String site) {
        while (true) {
            Long current = epochs.get(site);
            if (current == null) {
                if (epochs.putIfAbsent(site, 1L) == null) return 1;
            } else if (epochs.replace(site, current, current + 1)) {
                return current + 1;
            }
        }
    }

    /** Members, and each site's owner as the cluster last recorded it; read from any thread. */
    JsonObject status() {
        Set<Member> members = hazelcast.getCluster().getMembers();
        Set<String> live = members.stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
        JsonArray memberList = new JsonArray();
        for (Member m : members)
            memberList.add(new JsonObject().put("id", m.getUuid().toString()).put("address", m.getAddress().toString()));
        JsonArray siteList = new JsonArray();
        for (String id : sites.keySet()) {
            JsonObject entry = new JsonObject().put("site", id);
            String owner = owners.get(id);
            JsonObject o = owner == null ? null : new JsonObject(owner);
            if (o != null && live.contains(o.getString("owner")) && locks.isLocked(id)) {
                entry.put("owner", o.getString("owner")).put("address", o.getString("address"))
                        .put("epoch", o.getLong("epoch")).put("since", o.getString("since"));
            } else {
                entry.putNull("owner");
            }
            siteList.add(entry);
        }
        return new JsonObject().put("node", hazelcast.getCluster().getLocalMember().getUuid().toString())
                .put("members", memberList).put("expectedMembers", expectedMembers).put("sites", siteList);
    }

    /** The sites this node serves now. */
    Map<String, SiteHost> hosted() {
        return Map.copyOf(hosted);
    }

    /** Closes every site this node serves and releases its lock, so another node takes it at once. */
    void releaseAll() throws Exception {
        stopping = true;
        Future<?> done = thread.submit(() -> {
            for (SiteHost host : hosted.values()) {
                try {
                    host.close();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "closing site " + host.siteId(), e);
                }
                hosted.remove(host.siteId());
                if (hazelcast.getLifecycleService().isRunning()) locks.unlock(host.siteId());
            }
            return null;
        });
        done.get();
        thread.shutdown();
    }
}
