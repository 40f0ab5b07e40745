package dev.o2c.jobs.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who gets the pack by mail, under {@code o2c.mail} in {@code config/application.yml}; the
 * SMTP server, TLS and credentials are Spring Boot's {@code spring.mail.*} (a password from
 * the environment: {@code SPRING_MAIL_PASSWORD}). Checked at start like every setting.
 *
 * @param enabled false (the default): no mail at all
 * @param from the sender address
 * @param routes which reports go to whom, per run type; a run's pack mail goes to every
 *        recipient of the routes that match its type, each with that route's reports
 * @param alertTo who is told, instead of getting a pack, when a control fails
 * @param maxAttachmentBytes past this size together, a mail carries no attachments but says
 *        where the outputs are (default 10 MB)
 * @param outputLink how the mail names the output folder when it does not attach (a URL or a
 *        share path; the run's output folder is appended); default the folder's path
 * @param attempts how many times a send is tried (default 3)
 * @param retryDelay the wait between attempts (default 10 s)
 * @param nightlyTo who gets the nightly run's exceptions mail (its cash-application report and
 *        exceptions attached); empty: the nightly mails nobody but the alert on a failure
 */
@ConfigurationProperties(prefix = "o2c.mail")
public record MailSettings(Boolean enabled, String from, List<Route> routes, List<String> alertTo, Long maxAttachmentBytes,
                           String outputLink, Integer attempts, Duration retryDelay, List<String> nightlyTo) {

    /** The reports a route can send. */
    public static final Set<String> REPORTS = Set.of("pdf", "xlsx");

    /** Run types: a close as of a month's last day, or as of any other day (a flash close). */
    public static final Set<String> RUN_TYPES = Set.of("month-end", "flash");

    /**
     * @param runType {@code month-end} or {@code flash}
     * @param reports {@code pdf} and/or {@code xlsx}
     * @param to the recipients
     */
    public record Route(String runType, List<String> reports, List<String> to) {
    }

    public MailSettings {
        enabled = enabled != null && enabled;
        routes = routes == null ? List.of() : List.copyOf(routes);
        alertTo = alertTo == null ? List.of() : List.copyOf(alertTo);
        nightlyTo = nightlyTo == null ? List.of() : List.copyOf(nightlyTo);
        maxAttachmentBytes = maxAttachmentBytes == null ? 10_000_000L : maxAttachmentBytes;
        attempts = attempts == null ? 3 : attempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(10) : retryDelay;
    }

    /** No mail. */
    public static MailSettings off() {
        return new MailSettings(false, null, null, null, null, null, null, null, null);
    }

    /** @throws IllegalArgumentException naming the key, when a setting cannot work */
    public MailSettings validate() {
        if (!enabled) {
            return this;
        }
        address("o2c.mail.from", from);
        for (int r = 0; r < routes.size(); r++) {
            Route route = routes.get(r);
            String key = "o2c.mail.routes[" + r + "]";
            if (route.runType() == null || !RUN_TYPES.contains(route.runType().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(key + ".run-type: '" + route.runType() + "' is not one of " + RUN_TYPES);
            }
            if (route.reports() == null || route.reports().isEmpty()
                    || !REPORTS.containsAll(route.reports().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList())) {
                throw new IllegalArgumentException(key + ".reports: " + route.reports() + " must name some of " + REPORTS);
            }
            if (route.to() == null || route.to().isEmpty()) {
                throw new IllegalArgumentException(key + ".to: no recipient");
            }
            for (String to : route.to()) {
                address(key + ".to", to);
            }
        }
        for (String to : alertTo) {
            address("o2c.mail.alert-to", to);
        }
        for (String to : nightlyTo) {
            address("o2c.mail.nightly-to", to);
        }
        if (routes.isEmpty() && alertTo.isEmpty() && nightlyTo.isEmpty()) {
            throw new IllegalArgumentException("o2c.mail: enabled, but there are no routes, no alert-to and no nightly-to: nobody to mail");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("o2c.mail.attempts: " + attempts + " must be 1 or more");
        }
        if (maxAttachmentBytes < 0 || retryDelay.isNegative()) {
            throw new IllegalArgumentException("o2c.mail: max-attachment-bytes and retry-delay must not be negative");
        }
        return this;
    }

    private static void address(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": missing");
        }
        try {
            new InternetAddress(value, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a mail address (" + e.getMessage() + ")");
        }
    }
}
