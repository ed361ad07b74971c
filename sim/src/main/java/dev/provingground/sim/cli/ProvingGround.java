package dev.provingground.sim.cli;

import dev.provingground.server.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./proving-ground}: one launcher for every command. */
@Command(name = "proving-ground", mixinStandardHelpOptions = true, version = "Proving Ground 0.1.0",
        description = "Fleet operations server for service-robot trials.",
        subcommands = {DemoCommand.class, ServeCommand.class, SimCommand.class, ExportCli.class, VerifyCli.class,
                BenchCommand.class})
public final class ProvingGround implements Runnable {

    public static void main(String[] args) {
        int code = new CommandLine(new ProvingGround()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0) System.exit(code);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
