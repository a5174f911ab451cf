package dev.lanyard.bench;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A local SMTP sink for the email OTP round trip: the Lanyard server mails codes here and the
 * Gatling scenario, running in the same JVM, reads them. Benchmark tooling, not product code.
 */
public final class MailSink {

    public static final int PORT = 3125;

    private static final Pattern CODE = Pattern.compile("code is (\\d{6,10})");
    private static volatile GreenMail server;

    private MailSink() {
    }

    static void start() {
        server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static int count(String address) {
        return (int) Arrays.stream(server.getReceivedMessages()).filter(m -> isTo(m, address)).count();
    }

    /** Waits for mail number {@code n} (1-based) to {@code address} and returns its code. */
    public static String awaitCode(String address, int n, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] mine = Arrays.stream(server.getReceivedMessages()).filter(m -> isTo(m, address)).toArray(MimeMessage[]::new);
            if (mine.length >= n) {
                Matcher matcher = CODE.matcher(GreenMailUtil.getBody(mine[n - 1]));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("No code mailed to " + address);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
