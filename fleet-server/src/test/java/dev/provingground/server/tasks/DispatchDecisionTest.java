package dev.provingground.server.tasks;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchDecisionTest {

    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void summaryNamesTheChosenRobotsEstimateTheNextBestAndWhoWasLeftOut() {
        DispatchDecision d = new DispatchDecision(AT, "rb-1", List.of(
                new DispatchDecision.Candidate("rb-3", 120.0, 2.0, null),
                new DispatchDecision.Candidate("rb-1", 98.06, 1.29, null),
                new DispatchDecision.Candidate("rb-2", null, null, "not online"),
                new DispatchDecision.Candidate("rb-4", null, null, "not online"),
                new DispatchDecision.Candidate("rb-5", null, null, "busy with another task")));

        assertThat(d.summary()).isEqualTo("rb-1 finishes in 98.1 s using 1.3 Wh, earliest of 2 candidates; next: rb-3 120.0 s;"
                + " left out: 1 busy with another task, 2 not online");
    }

    @Test
    void summaryOfAHugeFleetFitsATrackRecordReason() {
        List<DispatchDecision.Candidate> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(i % 2 == 0 ? new DispatchDecision.Candidate("rb-" + i, 100.0 + i, 1.0, null)
                    : new DispatchDecision.Candidate("rb-" + i, null, null, "battery " + i + "% too low for a very long task"));
        }
        String summary = new DispatchDecision(AT, "rb-0", many).summary();

        assertThat(summary).startsWith("rb-0 finishes in 100.0 s using 1.0 Wh, earliest of 250 candidates; next: rb-2 102.0 s,"
                + " rb-4 104.0 s, rb-6 106.0 s; left out: ").endsWith("and 247 other reasons");
        assertThat(summary.length()).isLessThanOrEqualTo(512);
    }
}
