package dev.provingground.sim.load;

import java.util.concurrent.atomic.LongAdder;

/** The generator's counters, added to from every event loop. */
final class LoadTally {

    final LongAdder statesSent = new LongAdder();
    final LongAdder visualizationsSent = new LongAdder();
    final LongAdder statesSkipped = new LongAdder();
    final LongAdder zoneEntries = new LongAdder();
    final LongAdder pauses = new LongAdder();
    final LongAdder unansweredEntries = new LongAdder();
    final LongAdder unexpectedMessages = new LongAdder();
    final LongAdder connectionsLost = new LongAdder();
    final EnforcementTimes enforcement = new EnforcementTimes();

    LoadCounts snapshot() {
        return new LoadCounts(statesSent.sum(), visualizationsSent.sum(), statesSkipped.sum(), zoneEntries.sum(),
                pauses.sum(), unansweredEntries.sum(), unexpectedMessages.sum(), connectionsLost.sum());
    }
}
