package dev.provingground.app;

import dev.provingground.server.errors.PortInUseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./proving-ground}: one launcher for every command. */
@Command(name = "proving-ground", mixinStandardHelpOptions = true, version = "Proving Ground 0.1.0",
        description = "Fleet operations server for service-robot trials.",
        subcommands = {DemoCommand.class, ServeCommand.class, SimCommand.class, AgentCommand.class, ExportCli.class, VerifyCli.class, ReportCli.class,
                ProvingGround.BenchPointer.class})
public final class ProvingGround implements Runnable {

    /** Exit status when a port the server needs is taken. */
    static final int EXIT_PORT_IN_USE = 3;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) System.exit(code);
    }

    /** Every command, as main runs them. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ProvingGround()).setCaseInsensitiveEnumValuesAllowed(true);
        // A port already taken is one line naming the port and the option to change it, not a stack trace.
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (!(e instanceof PortInUseException)) throw e;
            cmd.getErr().println("proving-ground: " + e.getMessage());
            return EXIT_PORT_IN_USE;
        });
        // The agent's --help names every setting of its configuration file, from the list its reader follows.
        line.getSubcommands().get("agent").getCommandSpec().usageMessage().footer(AgentCommand.footer());
        return line;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Benchmarks ship in their own jar so the product jar holds none; this tells a user of the bare jar where. */
    @Command(name = "bench", description = "Benchmarks: run them with ./proving-ground bench (target/proving-ground-bench.jar).")
    static final class BenchPointer implements Callable<Integer> {
        @Override
        public Integer call() {
            System.err.println("proving-ground: benchmarks are not in the product jar; run ./proving-ground bench "
                    + "(it builds and runs target/proving-ground-bench.jar)");
            return 2;
        }
    }
}
