package dev.lanyard.testing;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The text/plain or text/html part of a (possibly multipart) mail, as a reader would see it. */
public final class MailText {

    private MailText() {
    }

    public static String plainText(Part part) throws MessagingException, IOException {
        return firstPart(part, "text/plain");
    }

    public static String html(Part part) throws MessagingException, IOException {
        return firstPart(part, "text/html");
    }

    private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String content = firstPart(multipart.getBodyPart(i), mimeType);
                if (content != null) {
                    return content;
                }
            }
        }
        return null;
    }
}
