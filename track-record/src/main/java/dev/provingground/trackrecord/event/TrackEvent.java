package dev.provingground.trackrecord.event;

import dev.provingground.trackrecord.log.LogId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One track-record event: the envelope every event shares plus its typed body. Encoded by {@link EventCodec} as
 * {@code {"type", "v", "time", "site", "firm"?, "robot"?, <body fields sorted by name>}}.
 *
 * @param time  when it happened, UTC, kept to the millisecond
 * @param site  the site
 * @param firm  the firm whose robot it concerns; {@code null} for a site-wide event
 * @param robot the robot (VDA 5050 serial number); required by most types, see {@link EventType}
 * @param body  the typed fields
 */
public record TrackEvent(Instant time, String site, String firm, String robot, EventBody body) {

    public TrackEvent {
        Require.present(time, "time");
        Require.present(body, "body");
        if (!LogId.isIdentifier(site)) {
            throw new IllegalArgumentException("site must be an identifier of [A-Za-z0-9._-], got "
                    + (site == null ? "null" : "'" + site + "'"));
        }
        if (firm != null && !LogId.isIdentifier(firm)) {
            throw new IllegalArgumentException("firm must be an identifier of [A-Za-z0-9._-], got '" + firm + "'");
        }
        if (robot != null) {
            Require.text(robot, "robot");
            if (robot.length() > 128) {
                throw new IllegalArgumentException("robot is longer than 128 characters");
            }
        }
        EventType type = body.type();
        if (type.robotRequired() && robot == null) {
            throw new IllegalArgumentException("robot is required for " + type.typeName() + " events");
        }
        if (robot != null && firm == null) {
            throw new IllegalArgumentException("an event about robot '" + robot + "' must name the robot's firm");
        }
        time = canonicalTime(time);
    }

    public EventType type() {
        return body.type();
    }

    /** The log an event belongs to: its firm's log, or the site log for a site-wide event. */
    public LogId log() {
        return firm == null ? LogId.siteLog(site) : LogId.firmLog(site, firm);
    }

    static Instant canonicalTime(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }
}
