package dev.o2c.jobs.cli;

import dev.o2c.jobs.config.ConfigDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that works on the store: which store, which configuration folder. */
final class StoreOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "the store; default an embedded H2 database under $O2C_HOME (./.o2c). "
                    + "Credentials from O2C_DB_USER and O2C_DB_PASSWORD.")
    String db;

    @Option(names = "--config", paramLabel = "DIR",
            description = "the configuration folder holding application.yml; default $O2C_CONFIG, else ./config")
    Path config;

    /** The store's context with the configuration folder these options name (see {@link StoreContext#start}). */
    StoreContext start(PrintWriter err) {
        return StoreContext.start(db, ConfigDirectory.resolve(config), err);
    }
}
