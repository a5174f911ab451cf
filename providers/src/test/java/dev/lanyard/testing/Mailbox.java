package dev.lanyard.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.mail.MailServer;

/** Reads what GreenMail received for one address; codes found are recorded as secrets. */
public final class Mailbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6,10})\\b");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final MailServer mail;

    public Mailbox(MailServer mail) {
        this.mail = mail;
    }

    public List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    /** Waits for the {@code n}-th mail (1-based) to {@code address} and returns it. */
    public MimeMessage awaitMessage(String address, int n) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> messages = messagesTo(address);
            if (messages.size() >= n) {
                return messages.get(n - 1);
            }
            sleep(100);
        }
        throw new AssertionError("No mail #" + n + " to " + address + " within " + TIMEOUT.toSeconds() + " s");
    }

    /** Waits for the {@code n}-th mail to {@code address} and returns the code in it. */
    public String awaitCode(String address, int n) {
        return codeIn(awaitMessage(address, n));
    }

    public static String codeIn(MimeMessage message) {
        try {
            String text = MailText.plainText(message);
            Matcher matcher = CODE.matcher(text == null ? "" : text);
            if (!matcher.find()) {
                throw new AssertionError("No code in mail: " + message.getSubject());
            }
            return Secrets.record(matcher.group(1));
        } catch (MessagingException | java.io.IOException e) {
            throw new AssertionError("Unreadable mail", e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
