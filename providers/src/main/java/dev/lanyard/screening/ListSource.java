package dev.lanyard.screening;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.http.client.config.RequestConfig;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * Where the SDN list comes from: a directory, or an http(s) base URL, holding OFAC's legacy
 * {@code sdn.csv} and {@code alt.csv}. Downloads go through Keycloak's HTTP client, so the server's
 * truststore ({@code --truststore-paths}) and proxy settings apply as to every outgoing call. A fetch is
 * parsed whole before it is used, so a cut or mismatched download fails and the last good list stays in use.
 */
record ListSource(String location, Duration timeout) {

    /** Far above OFAC's files (sdn.csv is about 2 MB); stops a wrong URL from filling the heap. */
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** The two files' text, checked by parsing them. */
    record Fetched(String sdn, String alt, SanctionsList list) {
    }

    Fetched fetch(KeycloakSession session) throws IOException {
        String sdn;
        String alt;
        if (location.startsWith("http://") || location.startsWith("https://")) {
            sdn = download(session, resolve(SdnCsv.SDN_FILE));
            alt = download(session, resolve(SdnCsv.ALT_FILE));
        } else {
            Path directory = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
            sdn = Files.readString(directory.resolve(SdnCsv.SDN_FILE), StandardCharsets.UTF_8);
            alt = Files.readString(directory.resolve(SdnCsv.ALT_FILE), StandardCharsets.UTF_8);
        }
        return new Fetched(sdn, alt, parse(sdn, alt));
    }

    /** The location as it may be stored and shown: a URL's user and password ({@code https://user:pw@host/}) masked. */
    static String display(String location) {
        String shown = location.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1***@");
        return shown.length() > 512 ? shown.substring(0, 512) : shown;
    }

    static SanctionsList parse(String sdn, String alt) throws IOException {
        return SdnCsv.load(new StringReader(sdn), new StringReader(alt));
    }

    private String resolve(String file) {
        return location.endsWith("/") ? location + file : location + "/" + file;
    }

    private String download(KeycloakSession session, String url) throws IOException {
        int millis = (int) timeout.toMillis();
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(millis).setConnectionRequestTimeout(millis)
                .setSocketTimeout(millis).build();
        try (SimpleHttpResponse response = SimpleHttp.create(session).withRequestConfig(timeouts)
                .withMaxConsumedResponseSize(MAX_FILE_BYTES).doGet(url).asResponse()) {
            if (response.getStatus() != 200) {
                throw new IOException("HTTP " + response.getStatus() + " for " + URI.create(url).getPath());
            }
            return response.asString();
        }
    }
}
