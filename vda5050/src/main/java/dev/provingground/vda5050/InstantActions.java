package dev.provingground.vda5050;

import java.time.Instant;
import java.util.List;

/**
 * Topic instantActions: actions to run at once, sent by master control. 2.0.0 peers may send the list under
 * the key {@code instantActions}; decoding accepts that.
 */
public record InstantActions(long headerId, Instant timestamp, String version, String manufacturer,
                             String serialNumber, List<Action> actions) implements VdaMessage {

    public InstantActions {
        actions = Lists.copy("InstantActions.actions", actions);
    }

    /** Instant actions with an empty header, to be filled by {@link #withHeader}. */
    public static InstantActions create(List<Action> actions) {
        return new InstantActions(0, null, null, null, null, actions);
    }

    @Override
    public Topic topic() {
        return Topic.INSTANT_ACTIONS;
    }

    @Override
    public InstantActions withHeader(Header h) {
        return new InstantActions(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(),
                actions);
    }
}
