package dev.o2c.jobs.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the configuration folder is: {@code --config DIR}, else {@code $O2C_CONFIG}, else {@code ./config} when there is one. */
public final class ConfigDirectory {

    private ConfigDirectory() {
    }

    /** @return the folder, or null when none is given and {@code ./config} does not exist */
    public static Path resolve(Path option) {
        if (option != null) {
            if (!Files.isDirectory(option)) {
                throw new IllegalArgumentException("--config " + option + ": not a directory");
            }
            return option;
        }
        String env = System.getenv("O2C_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path local = Path.of("config");
        return Files.isDirectory(local) ? local : null;
    }

    /** The bank CSV profiles of a configuration folder (and the generic one). */
    public static java.util.List<dev.o2c.readers.bank.BankCsvProfile> bankCsvProfiles(Path configDir) {
        return BankCsvProfiles.load(configDir == null ? null : configDir.resolve("bank-csv"));
    }

    /**
     * The {@code o2c.inputs} settings of a configuration folder's application.yml, for commands
     * that read inputs without starting the application ({@code o2c statement}); null when there
     * is no such file or it says nothing of them.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or bound
     */
    public static dev.o2c.jobs.O2cProperties.Inputs inputs(Path configDir) {
        Path file = configDir == null ? null : configDir.resolve("application.yml");
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            java.util.List<org.springframework.core.env.PropertySource<?>> sources = new org.springframework.boot.env.YamlPropertySourceLoader()
                    .load(file.toString(), new org.springframework.core.io.FileSystemResource(file));
            return new org.springframework.boot.context.properties.bind.Binder(
                    org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(sources))
                    .bind("o2c.inputs", dev.o2c.jobs.O2cProperties.Inputs.class).orElse(null);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The ERP mapping profiles of a configuration folder ({@code mappings/}); the generic layout is built in. */
    public static java.util.List<dev.o2c.readers.erp.MappingProfile> mappingProfiles(Path configDir) {
        return MappingProfiles.load(configDir == null ? null : configDir.resolve("mappings"));
    }
}
