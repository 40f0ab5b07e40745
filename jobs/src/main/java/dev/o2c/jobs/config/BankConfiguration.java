package dev.o2c.jobs.config;

import dev.o2c.readers.bank.BankCsvProfile;
import dev.o2c.readers.erp.MappingProfile;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bank CSV and ERP mapping profiles of the configuration folder the close was started with. */
@Configuration(proxyBeanMethods = false)
class BankConfiguration {

    @Bean
    List<BankCsvProfile> bankCsvProfiles(@Value("${o2c.config-dir:}") String configDir) {
        return ConfigDirectory.bankCsvProfiles(configDir.isBlank() ? null : Path.of(configDir));
    }

    @Bean
    List<MappingProfile> mappingProfiles(@Value("${o2c.config-dir:}") String configDir) {
        return ConfigDirectory.mappingProfiles(configDir.isBlank() ? null : Path.of(configDir));
    }
}
