package dev.o2c.jobs.cli;

import dev.o2c.jobs.CloseApplication;
import dev.o2c.jobs.O2cProperties;
import dev.o2c.jobs.mail.MailSettings;
import dev.o2c.jobs.schedule.ScheduleSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring context a command that uses the store runs in: the embedded H2 store or the
 * PostgreSQL given with {@code --db}, the configuration folder's settings checked before
 * the context starts (a bad value changes nothing, not even the schema). Either a context
 * or the exit code and message of why there is none.
 */
record StoreContext(ConfigurableApplicationContext context, int exitCode) {

    static StoreContext start(String db, Path configDir, PrintWriter err) {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + Store.url(db));
        Store.user().ifPresent(u -> args.add("--spring.datasource.username=" + u));
        Store.password().ifPresent(p -> args.add("--spring.datasource.password=" + p));
        if (configDir != null) {
            args.add("--spring.config.additional-location=optional:file:" + configDir.toAbsolutePath() + "/");
            args.add("--o2c.config-dir=" + configDir.toAbsolutePath());
        }
        SpringApplication app = new SpringApplication(CloseApplication.class);
        app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            // a misspelt key first: the value it was meant to set is otherwise reported as missing or wrong
            UnknownSettings.check(event.getEnvironment());
            Binder binder = Binder.get(event.getEnvironment());
            binder.bind("o2c", O2cProperties.class).orElseGet(() -> new O2cProperties(null, null, null, null, null, null, null)).validate();
            binder.bind("o2c.mail", MailSettings.class).orElseGet(MailSettings::off).validate();
            binder.bind("o2c.schedule", ScheduleSettings.class).orElseGet(ScheduleSettings::none).validate();
        });
        try {
            return new StoreContext(app.run(args.toArray(String[]::new)), O2cCommand.OK);
        } catch (RuntimeException e) {
            if (inUseByAnotherProcess(e)) {
                err.println("o2c: the store " + Store.url(db) + " is in use by another o2c process: one run at a time on the embedded"
                        + " store; nothing was done, run it again when that one has ended (on PostgreSQL, --db, closes of different"
                        + " dates run side by side)");
                return new StoreContext(null, O2cCommand.FAILED);
            }
            return new StoreContext(null, startupFailure(e, err));
        }
    }

    /** H2 opens a file store for one process: a second one is told "database may be already in use" (error 90020). */
    private static boolean inUseByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private static int startupFailure(RuntimeException e, PrintWriter err) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof BindException bind) {
                Throwable cause = bind.getCause() == null ? bind : bind.getCause();
                err.println("o2c: configuration " + bind.getProperty().getName() + ": " + cause.getMessage());
                return O2cCommand.USAGE;
            }
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().startsWith("o2c.")) {
                err.println("o2c: configuration " + t.getMessage());
                return O2cCommand.USAGE;
            }
            if (t.getCause() == null) {
                err.println("o2c: cannot start: " + t.getClass().getSimpleName() + ": " + t.getMessage());
                return O2cCommand.FAILED;
            }
            t = t.getCause();
        }
        return O2cCommand.FAILED;
    }
}
