package dev.o2c.jobs;

import dev.o2c.jobs.cli.O2cCommand;

/** The {@code o2c} command: {@code close}, {@code statement}, {@code generate}. */
public final class O2cApplication {

    private O2cApplication() {
    }

    public static void main(String[] args) {
        System.exit(O2cCommand.execute(args));
    }
}
