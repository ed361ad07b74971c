package dev.provingground.server.cluster;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SitePreferenceTest {

    private static final List<String> MEMBERS = List.of("m-1", "m-2", "m-3");

    @Test
    void everyNodeComputesTheSameOwnerWhateverOrderItSeesTheMembersIn() {
        for (int s = 0; s < 50; s++) {
            String site = "site-" + s;
            assertThat(SitePreference.preferred(site, List.of("m-3", "m-1", "m-2")))
                    .isEqualTo(SitePreference.preferred(site, MEMBERS));
        }
    }

    @Test
    void sitesSpreadOverTheMembers() {
        Map<String, Integer> owned = new HashMap<>();
        for (int s = 0; s < 300; s++) owned.merge(SitePreference.preferred("site-" + s, MEMBERS).orElseThrow(), 1,
                Integer::sum);
        assertThat(owned).hasSize(3);
        assertThat(owned.values()).allMatch(n -> n > 60);
    }

    @Test
    void aMemberLeavingMovesOnlyItsOwnSites() {
        for (int s = 0; s < 300; s++) {
            String site = "site-" + s;
            String before = SitePreference.preferred(site, MEMBERS).orElseThrow();
            String after = SitePreference.preferred(site, List.of("m-1", "m-3")).orElseThrow();
            if (!before.equals("m-2")) assertThat(after).as(site).isEqualTo(before);
        }
    }

    @Test
    void noMembersNoPreference() {
        assertThat(SitePreference.preferred("north", List.of())).isEmpty();
    }
}
