package dev.lanyard.screening;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the SDN list comes from: a directory, or an http(s) base URL, holding OFAC's legacy
 * {@code sdn.csv} and {@code alt.csv}. A fetch is parsed whole before it is used, so a cut or
 * mismatched download fails and the last good list stays in use.
 */
record ListSource(String location, Duration timeout) {

    /** The two files' text, checked by parsing them. */
    record Fetched(String sdn, String alt, SanctionsList list) {
    }

    Fetched fetch() throws IOException {
        String sdn;
        String alt;
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
            sdn = download(http, resolve(SdnCsv.SDN_FILE));
            alt = download(http, resolve(SdnCsv.ALT_FILE));
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

    private URI resolve(String file) {
        return URI.create(location.endsWith("/") ? location + file : location + "/" + file);
    }

    private String download(HttpClient http, URI uri) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + uri.getPath());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
