package dev.o2c.jobs.cli;

import java.nio.file.Path;
import java.util.Optional;

/** Where the store is: the embedded H2 under $O2C_HOME by default, or the JDBC URL given. */
final class Store {

    private Store() {
    }

    static String url(String db) {
        if (db == null || db.isBlank()) {
            String home = System.getenv("O2C_HOME");
            Path dir = Path.of(home == null || home.isBlank() ? ".o2c" : home).toAbsolutePath().normalize();
            return durable("jdbc:h2:file:" + dir.resolve("store").resolve("o2c"));
        }
        if (!db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("--db " + db + ": expected jdbc:postgresql://HOST/DB (or a jdbc:h2: URL)");
        }
        if (db.startsWith("jdbc:postgresql:") && !db.contains("reWriteBatchedInserts")) {
            // The driver turns batched inserts into multi-row ones: several times faster loads.
            return db + (db.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        return durable(db);
    }

    /**
     * An embedded H2 file store that reads lazily and writes each commit before the commit returns. By default H2
     * writes commits in the background within a second: a process killed in that second (kill -9,
     * a crash, a power cut) loses them, and a restarted close would not find the steps and files it
     * had finished. Our commits are few and large (a file, a step), so writing each one costs little.
     */
    private static String durable(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (!url.startsWith("jdbc:h2:file:")) {
            return url;
        }
        String durable = upper.contains("WRITE_DELAY") ? url : url + ";WRITE_DELAY=0";
        // A query's rows as they are read, not first copied into a temporary result: H2 writes any
        // result of more than a few thousand rows to a temporary file before handing over the first
        // row, which took a third of the time of reading the ledger (a million documents: 6.5 s, not 9.9 s).
        return upper.contains("LAZY_QUERY_EXECUTION") ? durable : durable + ";LAZY_QUERY_EXECUTION=TRUE";
    }

    static Optional<String> user() {
        return env("O2C_DB_USER");
    }

    static Optional<String> password() {
        return env("O2C_DB_PASSWORD");
    }

    private static Optional<String> env(String name) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
