package dev.provingground.app;

import dev.provingground.server.cluster.ClusterSettings;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code serve --cluster} and where the node joins (docs/CLUSTER.md). */
public final class ClusterOptions {

    @Option(names = "--cluster", description = "join a cluster of serve nodes (Hazelcast); needs --mqtt-broker and the cluster's --site files, the same on every node, and --data on storage every node shares")
    public boolean cluster;

    @Option(names = "--cluster-host", paramLabel = "ADDRESS", description = "address this node's cluster member and event bus bind to and announce (default: 127.0.0.1)")
    public String host = "127.0.0.1";

    @Option(names = "--cluster-port", paramLabel = "N", description = "this node's cluster (Hazelcast) port (default: " + ClusterSettings.DEFAULT_PORT + ")")
    public int port = ClusterSettings.DEFAULT_PORT;

    @Option(names = "--cluster-bus-port", paramLabel = "N", description = "port of this node's event bus, which carries robot messages and API requests between nodes (default: any free port)")
    public int busPort;

    @Option(names = "--cluster-members", paramLabel = "HOST:PORT", split = ",", description = "members to join through, comma-separated (default: only this node)")
    public List<String> members = new ArrayList<>();

    @Option(names = "--cluster-size", paramLabel = "N", description = "members the cluster must have before this node takes sites, so nodes started together share them (default: 1)")
    public int expectedMembers = 1;

    /** @throws IllegalArgumentException naming the option that is wrong */
    ClusterSettings settings() {
        return new ClusterSettings(host, port, busPort, members, expectedMembers);
    }
}
