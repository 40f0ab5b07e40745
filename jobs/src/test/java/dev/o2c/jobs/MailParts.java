package dev.o2c.jobs;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** What a received mail holds: its HTML text and its attachments. */
final class MailParts {

    private MailParts() {
    }

    static String html(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        StringBuilder html = new StringBuilder();
        collect(parts, part -> {
            if (part.isMimeType("text/html")) {
                html.append(part.getContent());
            }
        });
        return html.toString();
    }

    static List<BodyPart> attachments(MimeMessage mail) throws Exception {
        List<BodyPart> out = new ArrayList<>();
        collect((Multipart) mail.getContent(), part -> {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                out.add(part);
            }
        });
        return out;
    }

    private interface PartVisitor {
        void visit(BodyPart part) throws Exception;
    }

    private static void collect(Multipart parts, PartVisitor visitor) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, visitor);
            } else {
                visitor.visit(part);
            }
        }
    }
}
