package dev.o2c.jobs;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import dev.o2c.jobs.mail.MailSettings;
import dev.o2c.jobs.schedule.ScheduleSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Spring context a close runs in: the store, the job repository and the close job. */
@SpringBootApplication
@EnableConfigurationProperties({O2cProperties.class, MailSettings.class, ScheduleSettings.class})
public class CloseApplication {
}
