package dev.provingground.vda5050;

import java.util.List;

/** Factsheet: the vehicle's network configuration. */
public record Network(List<String> dnsServers, String localIpAddress, List<String> ntpServers, String netmask,
                      String defaultGateway) {

    public Network {
        dnsServers = Lists.copy("Network.dnsServers", dnsServers);
        ntpServers = Lists.copy("Network.ntpServers", ntpServers);
    }
}
