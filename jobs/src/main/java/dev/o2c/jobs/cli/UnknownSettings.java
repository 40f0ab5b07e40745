package dev.o2c.jobs.cli;

import dev.o2c.jobs.O2cProperties;
import dev.o2c.jobs.mail.MailSettings;
import dev.o2c.jobs.schedule.ScheduleSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses an {@code o2c.*} key in a configuration file that is no setting of ours: a misspelt
 * key would otherwise be ignored, and the close would run at night on the default it meant to
 * change. Only configuration files are checked: environment variables in the {@code O2C_}
 * namespace (O2C_HOME, O2C_DB_USER) are ours for other things.
 */
final class UnknownSettings {

    private static final ConfigurationPropertyName MAIL = ConfigurationPropertyName.of("o2c.mail");
    private static final ConfigurationPropertyName SCHEDULE = ConfigurationPropertyName.of("o2c.schedule");

    private UnknownSettings() {
    }

    /** @throws IllegalArgumentException naming the key, its file and line, and the keys there are */
    static void check(ConfigurableEnvironment environment) {
        List<ConfigurationPropertySource> files = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable
                    && source.getUnderlyingSource() instanceof OriginTrackedMapPropertySource) {
                files.add(iterable);
            }
        }
        List<ConfigurationPropertySource> withoutMail = files.stream()
                .map(s -> (ConfigurationPropertySource) ((IterableConfigurationPropertySource) s)
                        .filter(name -> !MAIL.equals(name) && !MAIL.isAncestorOf(name) && !SCHEDULE.equals(name)
                                && !SCHEDULE.isAncestorOf(name)))
                .toList();
        PropertySourcesPlaceholdersResolver placeholders = new PropertySourcesPlaceholdersResolver(environment);
        unbound(new Binder(withoutMail, placeholders), "o2c", O2cProperties.class,
                "entity, functional-currency, aging, report, inputs, cash-application, figures, mail, schedule");
        unbound(new Binder(files, placeholders), "o2c.mail", MailSettings.class, null);
        unbound(new Binder(files, placeholders), "o2c.schedule", ScheduleSettings.class, null);
    }

    private static void unbound(Binder binder, String prefix, Class<?> type, String keys) {
        try {
            binder.bind(prefix, Bindable.of(type), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        } catch (BindException e) {
            if (!(e.getCause() instanceof UnboundConfigurationPropertiesException unbound)) {
                return; // a bad value: the binding of the settings themselves reports it, with its key
            }
            ConfigurationProperty first = unbound.getUnboundProperties().stream()
                    .min(Comparator.comparing(p -> p.getName().toString())).orElseThrow();
            ConfigurationPropertyName key = first.getName();
            while (key.isLastElementIndexed()) {
                key = key.getParent(); // o2c.aging.bukets, not o2c.aging.bukets[0]
            }
            throw new IllegalArgumentException(key + ": not a setting" + (first.getOrigin() == null ? "" : " (" + first.getOrigin() + ")")
                    + "; " + (keys != null ? "the settings under " + prefix + " are " + keys + "; " : "")
                    + "config/application.yml in o2c's repository lists every setting with what it does");
        }
    }
}
