package dev.o2c.jobs.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a finished run: when every control passed, the pack to each route that matches the
 * run's type (its reports attached, or the outputs' folder named when they are larger than
 * the limit); when a control failed, no pack, but an alert naming every failed control to
 * {@code o2c.mail.alert-to}. Each send is tried {@code attempts} times; a mail that still
 * fails is reported, never lost silently, and the outputs stay where they are, so
 * {@code o2c mail --run ID} can send it again.
 */
@Component
public class PackMailer {

    private static final Logger LOG = LoggerFactory.getLogger(PackMailer.class);

    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> sender;

    PackMailer(MailSettings settings, ObjectProvider<JavaMailSender> sender) {
        this.settings = settings;
        this.sender = sender;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Sends the run's mails; returns one line per mail sent.
     *
     * @throws MailNotSentException listing every mail that could not be sent
     */
    public List<String> send(RunOutputs run) {
        if (!settings.enabled()) {
            return List.of();
        }
        JavaMailSender mail = mailSender();
        String outputsAt = outputsAt(run.out());
        List<String> sent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        if (!run.controlsPassed()) {
            if (settings.alertTo().isEmpty()) {
                LOG.warn("controls failed and o2c.mail.alert-to is empty: nobody is alerted");
            } else {
                deliver(mail, settings.alertTo(), PackMessages.alertSubject(run), PackMessages.alertBody(run, outputsAt), List.of(),
                        sent, failed);
            }
            check(failed);
            return sent;
        }
        for (MailSettings.Route route : settings.routes()) {
            if (!route.runType().equalsIgnoreCase(run.runType())) {
                continue;
            }
            List<Path> reports = route.reports().stream().map(r -> run.report(r.toLowerCase(Locale.ROOT))).toList();
            long size = reports.stream().mapToLong(PackMailer::size).sum();
            List<Path> attach = size <= settings.maxAttachmentBytes() ? reports : List.of();
            deliver(mail, route.to(), PackMessages.packSubject(run),
                    PackMessages.packBody(run, attach.stream().map(p -> p.getFileName().toString()).toList(), outputsAt), attach,
                    sent, failed);
        }
        check(failed);
        return sent;
    }

    /**
     * The nightly run's exceptions mail to {@code o2c.mail.nightly-to}: the night's credits by status, what waits
     * for a person, the exceptions, the controls, with cash-application.csv and exceptions.csv attached (or where
     * they are, past the size limit). Sent whether or not a control failed: the subject says so when one did.
     *
     * @throws MailNotSentException when it could not be sent
     */
    public List<String> sendNightly(NightlyOutputs run) {
        if (!settings.enabled() || settings.nightlyTo().isEmpty()) {
            return List.of();
        }
        JavaMailSender mail = mailSender();
        String outputsAt = outputsAt(run.out());
        List<Path> attach = run.attachments().stream().mapToLong(PackMailer::size).sum() <= settings.maxAttachmentBytes()
                ? run.attachments() : List.of();
        List<String> sent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        deliver(mail, settings.nightlyTo(), NightlyMessages.subject(run),
                NightlyMessages.body(run, attach.stream().map(p -> p.getFileName().toString()).toList(), outputsAt), attach, sent,
                failed);
        check(failed);
        return sent;
    }

    /**
     * The alert for a close or nightly run that did not finish (exit 1): what stopped it and how to finish it, to
     * {@code o2c.mail.alert-to}; returns one line per mail sent.
     *
     * @throws MailNotSentException when it could not be sent
     */
    public List<String> alertFailedRun(String kind, String entity, LocalDate asOf, String runId, List<String> errors, Path out) {
        if (!settings.enabled()) {
            return List.of();
        }
        if (settings.alertTo().isEmpty()) {
            LOG.warn("the {} failed and o2c.mail.alert-to is empty: nobody is alerted", kind);
            return List.of();
        }
        JavaMailSender mail = mailSender();
        List<String> sent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        deliver(mail, settings.alertTo(), PackMessages.failedRunSubject(kind, entity, asOf),
                PackMessages.failedRunBody(kind, entity, asOf, runId, errors, out.toAbsolutePath().normalize().toString()), List.of(), sent,
                failed);
        check(failed);
        return sent;
    }

    private JavaMailSender mailSender() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new MailNotSentException(List.of("o2c.mail is enabled but no SMTP server is configured (spring.mail.host)"));
        }
        return mail;
    }

    /** How a mail names the run's output folder: {@code output-link} and the folder's name, or the folder's path. */
    private String outputsAt(Path out) {
        return settings.outputLink() == null ? out.toAbsolutePath().normalize().toString()
                : settings.outputLink().replaceAll("/+$", "") + "/" + out.getFileName();
    }

    private void deliver(JavaMailSender mail, List<String> to, String subject, String html, List<Path> attachments,
                         List<String> sent, List<String> failed) {
        MailException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                MimeMessage message = mail.createMimeMessage();
                MimeMessageHelper m = new MimeMessageHelper(message, true, "UTF-8");
                m.setFrom(settings.from());
                m.setTo(to.toArray(String[]::new));
                m.setSubject(subject);
                m.setText(html, true);
                for (Path a : attachments) {
                    m.addAttachment(a.getFileName().toString(), new FileSystemResource(a));
                }
                mail.send(message);
                sent.add("mailed '" + subject + "' to " + String.join(", ", to)
                        + (attachments.isEmpty() ? "" : " with " + attachments.stream().map(p -> p.getFileName().toString()).toList()));
                return;
            } catch (MailException e) {
                last = e;
                LOG.warn("mail to {} failed (attempt {} of {}): {}", to, attempt, settings.attempts(), e.getMessage());
                pause(attempt);
            } catch (MessagingException e) {
                failed.add("'" + subject + "' to " + String.join(", ", to) + ": " + e.getMessage());
                return;
            }
        }
        failed.add("'" + subject + "' to " + String.join(", ", to) + ": " + (last == null ? "not sent" : last.getMessage()));
    }

    private void pause(int attempt) {
        if (attempt < settings.attempts() && !settings.retryDelay().isZero()) {
            try {
                Thread.sleep(settings.retryDelay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void check(List<String> failed) {
        if (!failed.isEmpty()) {
            throw new MailNotSentException(failed);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read its size to mail it", e);
        }
    }
}
