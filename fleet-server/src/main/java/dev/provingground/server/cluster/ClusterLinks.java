package dev.provingground.server.cluster;

import dev.provingground.server.elevator.LiftLink;
import dev.provingground.server.mqtt.RobotTransport;
import dev.provingground.server.wiring.Links;

import java.util.Map;

/** How robots and lift controllers reach one site's server in cluster mode: over the event bus, from the broker. */
final class ClusterLinks implements Links {

    private final String site;
    private final ClusterBroker broker;
    private final Map<String, String> robotSites;

    ClusterLinks(String site, ClusterBroker broker, Map<String, String> robotSites) {
        this.site = site;
        this.broker = broker;
        this.robotSites = robotSites;
    }

    @Override
    public RobotTransport robots(RobotSide side) {
        return new ClusterRobotLink(side, site, broker, robotSites);
    }

    @Override
    public LiftLink lifts(RobotTransport robots, LiftSide side) {
        return new ClusterLiftLink((ClusterRobotLink) robots, side);
    }
}
