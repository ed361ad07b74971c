package dev.provingground.sim.cli;

import dev.provingground.geofence.bench.GeofenceBenchmark;
import dev.provingground.server.cli.Logging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code ./proving-ground bench …}: each benchmark measures its subject against a baseline in the same run and ends
 * with one summary line; docs/BENCHMARKS.md records the figures and the machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; each ends with one summary line (see docs/BENCHMARKS.md).",
        subcommands = {BenchCommand.Geofence.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "geofence", mixinStandardHelpOptions = true,
            description = "Single-threaded zone evaluations per second, indexed engine against a naive scan.")
    static final class Geofence implements Callable<Integer> {

        @Option(names = "--zones", defaultValue = "10000", description = "random valid polygons on a 1 km² level (default: ${DEFAULT-VALUE})")
        int zones;

        @Override
        public Integer call() {
            Logging.configure(false);
            GeofenceBenchmark.run(GeofenceBenchmark.Options.defaults().withZones(zones), System.out);
            return 0;
        }
    }
}
