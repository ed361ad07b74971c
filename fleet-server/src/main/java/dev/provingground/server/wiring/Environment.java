package dev.provingground.server.wiring;

import dev.provingground.server.time.Scheduler;
import dev.provingground.server.time.VertxScheduler;
import io.vertx.core.Context;

import java.time.Clock;
import java.util.function.Function;

/**
 * What the server runs in besides its configuration: the clock it reads, the scheduler its periodic work runs on
 * (made for the server's context once it has one) and the links robots and lift controllers come over.
 * Production: the system clock, Vert.x timers, MQTT. Tests: a virtual clock and scheduler, and an in-process link.
 */
public record Environment(Clock clock, Function<Context, Scheduler> scheduler, Links links) {

    public static Environment production(Clock clock) {
        return new Environment(clock, context -> new VertxScheduler(context.owner(), context), Links.MQTT);
    }
}
