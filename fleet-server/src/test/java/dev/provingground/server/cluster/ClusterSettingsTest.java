package dev.provingground.server.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSettingsTest {

    @Test
    void aMemberThatIsNotHostAndPortIsRefusedByName() {
        assertThatThrownBy(() -> new ClusterSettings("127.0.0.1", 5701, 0, List.of("10.0.0.2"), 1))
                .hasMessageContaining("'10.0.0.2'").hasMessageContaining("host:port");
    }

    @Test
    void theBusCannotShareTheClusterPort() {
        assertThatThrownBy(() -> new ClusterSettings("127.0.0.1", 5701, 5701, List.of(), 1))
                .hasMessageContaining("bus port");
    }

    @Test
    void aClusterOfNoMembersIsRefused() {
        assertThatThrownBy(() -> new ClusterSettings("127.0.0.1", 5701, 0, List.of(), 0))
                .hasMessageContaining("cluster size");
    }
}
