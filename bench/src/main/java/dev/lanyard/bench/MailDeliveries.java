package dev.lanyard.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own view of the email codes' delivery ({@code lanyard_mail_deliveries_seconds}: from the send's commit
 * until the SMTP sink took the mail), to tell the server's part of the round trip's tail from the load generator's.
 */
final class MailDeliveries {

    private static final Pattern BUCKET = Pattern.compile(
            "^lanyard_mail_deliveries_seconds_bucket\\{mail=\"sign-in code\",outcome=\"sent\",le=\"([^\"]+)\"} ([0-9.eE+-]+)$", Pattern.MULTILINE);
    private static final Pattern MAX = Pattern.compile(
            "^lanyard_mail_deliveries_seconds_max\\{mail=\"sign-in code\",outcome=\"sent\"} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    private MailDeliveries() {
    }

    /** The mails between two scrapes of the server's metrics (the warm-up's are in {@code before}). */
    static String summary(String before, String metrics) {
        Map<String, Double> buckets = buckets(metrics);
        buckets(before).forEach((le, count) -> buckets.computeIfPresent(le, (k, now) -> now - count));
        Double all = buckets.get("+Inf");
        if (all == null || all == 0) {
            return "The server recorded no mail deliveries (`lanyard_mail_deliveries_seconds`).";
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "The server's view of the %,.0f sign-in codes it mailed (`lanyard_mail_deliveries_seconds`, from the send's commit until"
                        + " the sink took the mail):", all));
        for (String le : new String[]{"0.05", "0.1", "0.25", "0.5", "1.0"}) {
            Double within = buckets.get(le);
            if (within != null) {
                md.append(String.format(Locale.ROOT, " %.1f%% within %.0f ms;", 100 * within / all, Double.parseDouble(le) * 1000));
            }
        }
        Matcher max = MAX.matcher(metrics);
        // Micrometer's max covers the last minutes, so it may be a warm-up mail's.
        if (max.find()) {
            md.append(String.format(Locale.ROOT, " the slowest of the last minutes (warm-up included) %.0f ms.", Double.parseDouble(max.group(1)) * 1000));
        }
        return md.toString();
    }

    private static Map<String, Double> buckets(String metrics) {
        Map<String, Double> buckets = new LinkedHashMap<>();
        Matcher bucket = BUCKET.matcher(metrics);
        while (bucket.find()) {
            buckets.put(bucket.group(1), Double.parseDouble(bucket.group(2)));
        }
        return buckets;
    }
}
