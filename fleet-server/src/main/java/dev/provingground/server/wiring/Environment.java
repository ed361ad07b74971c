package dev.provingground.server.wiring;

import dev.provingground.server.time.Scheduler;
import dev.provingground.server.time.VertxScheduler;
import io.vertx.core.Context;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.function.Function;

/**
 * What the server runs in besides its configuration: the clock it reads, the scheduler its periodic work runs on
 * (made for the server's context once it has one), the links robots and lift controllers come over, and where the
 * ids it makes up (tasks) come from. Production: the system clock, Vert.x timers, MQTT, a secure random source.
 * Tests: a virtual clock and scheduler, an in-process link and a seeded source, so a run can be repeated exactly.
 */
public record Environment(Clock clock, Function<Context, Scheduler> scheduler, Links links, Random ids) {

    public static Environment production(Clock clock) {
        return new Environment(clock, context -> new VertxScheduler(context.owner(), context), Links.MQTT,
                new SecureRandom());
    }
}
