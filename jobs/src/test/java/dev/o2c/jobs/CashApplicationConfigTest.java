package dev.o2c.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.domain.cashapp.MatchingRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/** The shipped config/application.yml states the defaults, and bad values stop the run naming the key. */
class CashApplicationConfigTest {

    static O2cProperties bind(Path yaml) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("config", new FileSystemResource(yaml));
        Binder binder = new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(sources));
        return binder.bind("o2c", O2cProperties.class).get();
    }

    @Test
    void theShippedConfigurationIsTheDefaults() throws IOException {
        O2cProperties p = bind(Path.of("../config/application.yml"));
        assertThat(p.matchingRules()).isEqualTo(MatchingRules.defaults());
        assertThat(p.asParameters().get("cash_application")).isEqualTo(MatchingRules.defaults().describe());
    }

    @Test
    void aBadValueNamesItsKey(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("application.yml");
        Files.writeString(yaml, "o2c:\n  cash-application:\n    rules: [remittance-reference, payer-acount]\n");
        assertThatThrownBy(() -> bind(yaml).validate())
                .hasMessageStartingWith("o2c.cash-application.rules: 'payer-acount' is not a rule");
        Files.writeString(yaml, "o2c:\n  cash-application:\n    short-tolerance:\n      absolute: ten\n");
        assertThatThrownBy(() -> bind(yaml).validate())
                .hasMessage("o2c.cash-application.short-tolerance.absolute: 'ten' is not a decimal number");
        Files.writeString(yaml, "o2c:\n  cash-application:\n    discounts: [\"2/10\", \"3 % 5\"]\n    amount-only: auto\n");
        assertThatThrownBy(() -> bind(yaml).validate())
                .hasMessage("o2c.cash-application.discounts: '3 % 5' must be PERCENT/DAYS, for example 2/10");
        Files.writeString(yaml, "o2c:\n  cash-application:\n    amount-only: auto\n    subset:\n      max-size: 3\n");
        MatchingRules r = bind(yaml).matchingRules();
        assertThat(r.amountOnly()).isEqualTo("auto");
        assertThat(r.subsetMaxSize()).isEqualTo(3);
        assertThat(r.subsetMaxItems()).isEqualTo(MatchingRules.defaults().subsetMaxItems());
    }

}
