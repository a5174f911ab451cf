package dev.lanyard.bench;

import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

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
        server = new NoDelayGreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /**
     * GreenMail answering without Nagle's algorithm. It writes a multi-line EHLO answer line by line; with Nagle on, the
     * second line waited for the client's delayed ACK of the first, and every mail stalled 40 ms in EHLO (seen in a
     * JFR recording of the Lanyard server: 159 of 160 mails). An SMTP server such as Postfix writes the answer whole,
     * so the stall was the sink's, not a cost a deployment would see.
     */
    private static final class NoDelayGreenMail extends GreenMail {
        NoDelayGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = new HashMap<>();
            for (ServerSetup setup : config) {
                services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket client) {
                        try {
                            client.setTcpNoDelay(true);
                        } catch (SocketException e) {
                            throw new IllegalStateException(e);
                        }
                        return super.createProtocolHandler(client);
                    }
                });
            }
            return services;
        }
    }

    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static int count(String address) {
        return inbox(address).size();
    }

    /** Waits for mail number {@code n} (1-based) to {@code address} and returns its code. */
    public static String awaitCode(String address, int n, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            List<StoredMessage> mine = inbox(address);
            if (mine.size() >= n) {
                Matcher matcher = CODE.matcher(GreenMailUtil.getBody(mine.get(n - 1).getMimeMessage()));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("No code mailed to " + address);
    }

    /**
     * The mails to {@code address} in the order they arrived: the inbox of the user GreenMail made for it. Reading one
     * inbox costs the same however many mails the run has sent; scanning every received mail on each poll (four
     * virtual users, every few milliseconds) took CPU from the server under test and lengthened the measured wait.
     */
    private static List<StoredMessage> inbox(String address) {
        GreenMailUser user = server.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return server.getManagers().getImapHostManager().getInbox(user).getMessages();
        } catch (FolderException e) {
            return List.of();
        }
    }
}
