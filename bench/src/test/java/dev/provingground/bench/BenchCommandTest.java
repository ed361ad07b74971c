package dev.provingground.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @Test
    void anOptionOutOfRangeIsRefusedByNameWithExitCodeTwoAndNoStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine cli = BenchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("enforcement", "--warmup", "-1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--warmup: must be 0..600 seconds, got -1" + System.lineSeparator());
    }

    @Test
    void garbageRefusesItsOptionsTheSameWay() {
        StringWriter err = new StringWriter();
        CommandLine cli = BenchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("garbage", "--decodes", "0")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--decodes");
    }
}
