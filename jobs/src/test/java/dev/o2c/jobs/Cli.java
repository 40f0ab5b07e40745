package dev.o2c.jobs;

import dev.o2c.jobs.cli.O2cCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the o2c command in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = O2cCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }
}
