package dev.provingground.server.wiring;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.SimpleFormatter;

/** How a server, demo or benchmark process logs: one line per log record, to stderr; Netty's chatter kept at warnings. */
public final class Logging {

    /** JUL keeps loggers weakly: a logger whose level we set must stay referenced or the setting is lost. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private Logging() {
    }

    public static void configure(boolean verbose) {
        if (System.getProperty("java.util.logging.config.file") != null) return;
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        var handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(verbose ? Level.FINE : Level.INFO);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        level("dev.provingground", verbose ? Level.FINE : Level.INFO);
        level("io.netty", Level.WARNING);
        level("io.vertx", Level.WARNING);
        // vertx-micrometer-metrics registers its connection gauges again for each server socket by design, which
        // Micrometer reports once as a warning (vertx-micrometer-metrics#259, micrometer#6931); nothing is lost.
        level("io.micrometer.core.instrument.MeterRegistry", Level.SEVERE);
    }

    private static void level(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        CONFIGURED.add(logger);
    }
}
