package dev.provingground.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A launcher command run as {@code main} runs it, with its exit status and what it wrote to standard error. */
record CommandRun(int exit, String stderr) {

    static CommandRun of(String... args) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = ProvingGround.commandLine().execute(args);
            return new CommandRun(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(stderr);
        }
    }
}
