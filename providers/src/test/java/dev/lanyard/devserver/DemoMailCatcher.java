package dev.lanyard.devserver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import com.icegreen.greenmail.util.GreenMail;
import dev.lanyard.testing.MailText;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The demo's mail catcher: GreenMail's SMTP server on localhost:3025 (where the demo realm sends
 * mail) and a page on localhost:8025 listing what arrived, newest first.
 */
final class DemoMailCatcher {

    static final int SMTP_PORT = 3025;
    static final int WEB_PORT = 8025;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final GreenMail smtp;
    private final HttpServer web;

    private DemoMailCatcher(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    static DemoMailCatcher start() throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", WEB_PORT), 0);
        DemoMailCatcher catcher = new DemoMailCatcher(smtp, web);
        web.createContext("/", exchange -> {
            byte[] page = catcher.page().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        web.start();
        return catcher;
    }

    String webUrl() {
        return "http://localhost:" + WEB_PORT;
    }

    void stop() {
        web.stop(0);
        smtp.stop();
    }

    private String page() {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
                <title>Lanyard demo mails</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:60em}article{border:1px solid #ccc;border-radius:6px;
                padding:1em;margin:1em 0}pre{white-space:pre-wrap;font-size:1.1em}h2{margin:0 0 .3em}small{color:#666}</style>
                </head><body><h1>Mails sent by the demo Keycloak</h1><p><small>Newest first; this page refreshes itself.</small></p>
                """);
        MimeMessage[] messages = smtp.getReceivedMessages();
        if (messages.length == 0) {
            html.append("<p>No mail yet. Sign in at <a href=\"http://localhost:8080/realms/demo/account\">the demo account page</a>.</p>");
        }
        for (int i = messages.length - 1; i >= 0; i--) {
            html.append(render(messages[i]));
        }
        return html.append("</body></html>").toString();
    }

    private static String render(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return "<article><h2>" + escape(message.getSubject()) + "</h2><small>to "
                    + escape(recipients(message)) + (sent == null ? "" : " at " + TIME.format(sent.toInstant()))
                    + "</small><pre>" + escape(MailText.plainText(message)) + "</pre></article>";
        } catch (MessagingException | IOException e) {
            return "<article>Unreadable message: " + escape(e.getMessage()) + "</article>";
        }
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        if (to == null) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        for (Address address : to) {
            all.append(all.isEmpty() ? "" : ", ").append(address);
        }
        return all.toString();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
