package dev.o2c.jobs;

import java.nio.file.Path;

/** The close contract on the default store: embedded H2 in a file. */
class CloseOnH2IT extends CloseJobContract {

    @Override
    String freshStore(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("o2c");
    }
}
