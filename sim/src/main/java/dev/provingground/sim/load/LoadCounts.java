package dev.provingground.sim.load;

/**
 * What the generator has done so far, every figure counted since it started publishing.
 *
 * @param statesSent          state messages handed to the MQTT clients
 * @param visualizationsSent  visualization messages handed to the MQTT clients
 * @param statesSkipped       state messages not sent because the generator was more than a period behind
 * @param zoneEntries         times a robot published a first message inside the keep-out zone
 * @param pauses              startPause answers matched to an entry (each timed)
 * @param unansweredEntries   entries followed by the next entry of the same robot with no startPause between them
 * @param unexpectedMessages  messages to the robots that answered no entry
 * @param connectionsLost     robots whose connection closed while the generator ran
 */
public record LoadCounts(long statesSent, long visualizationsSent, long statesSkipped, long zoneEntries, long pauses,
                         long unansweredEntries, long unexpectedMessages, long connectionsLost) {
}
