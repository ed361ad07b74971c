package dev.provingground.server.cluster;

import java.util.List;

/**
 * How a node joins the cluster (docs/CLUSTER.md).
 *
 * @param host            the address this node's Hazelcast member and event bus bind to and announce
 * @param port            Hazelcast's port
 * @param busPort         the event bus's port, on which nodes send each other robot messages and REST requests;
 *                        0 = any free port (the cluster learns it through Hazelcast)
 * @param members         {@code host:port} of the members to join through (this node's own may be among them);
 *                        empty = only this node, until others join through it
 * @param expectedMembers how many members must be in the cluster before this node takes sites, so that nodes
 *                        started together share the sites instead of the first one taking all
 */
public record ClusterSettings(String host, int port, int busPort, List<String> members, int expectedMembers) {

    public static final int DEFAULT_PORT = 5701;

    public ClusterSettings {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("cluster host: required");
        if (port < 1 || port > 65535)
            throw new IllegalArgumentException("cluster port: must be 1..65535, got " + port);
        if (busPort < 0 || busPort > 65535)
            throw new IllegalArgumentException("cluster bus port: must be 0..65535, got " + busPort);
        if (busPort != 0 && busPort == port)
            throw new IllegalArgumentException("cluster bus port: must differ from the cluster port " + port);
        members = members == null ? List.of() : List.copyOf(members);
        for (String m : members)
            if (!m.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}"))
                throw new IllegalArgumentException("cluster member '" + m + "': expected host:port");
        if (expectedMembers < 1)
            throw new IllegalArgumentException("cluster size: must be at least 1, got " + expectedMembers);
    }
}
