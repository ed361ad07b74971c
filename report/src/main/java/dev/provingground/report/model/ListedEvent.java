package dev.provingground.report.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of an event list.
 *
 * @param leafIndex the event's index in the log, for its inclusion proof
 * @param time      the event's time
 * @param robot     the robot, or {@code null} for a site-wide event
 * @param details   what happened, in the event's own words and figures
 * @param lasted    for a link loss, how long until the robot was back; {@code null} when it was not back within the bundle
 *                  or the line is no link loss
 */
public record ListedEvent(long leafIndex, Instant time, String robot, String details, Duration lasted) {
}
