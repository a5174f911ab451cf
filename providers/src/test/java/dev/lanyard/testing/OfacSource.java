package dev.lanyard.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * OFAC's download site, outside the product: a real HTTP server on {@value #PORT} serving
 * {@code /ofac/sdn.csv} and {@code /ofac/alt.csv}, the SDN snapshot at first. A test can publish
 * other texts (a cut file, a list with one more person) to see what a refresh does with them.
 */
public final class OfacSource implements AutoCloseable {

    public static final int PORT = 8590;
    public static final String URL = "http://127.0.0.1:" + PORT + "/ofac";

    private final HttpServer server;
    private volatile String sdn;
    private volatile String alt;

    private OfacSource(HttpServer server, String sdn, String alt) {
        this.server = server;
        this.sdn = sdn;
        this.alt = alt;
    }

    /** Serves the snapshot in {@link LanyardServer#OFAC_SNAPSHOT}. */
    public static OfacSource serveSnapshot() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        OfacSource source = new OfacSource(server, snapshot("sdn.csv"), snapshot("alt.csv"));
        server.createContext("/ofac/", source::handle);
        server.start();
        return source;
    }

    public static String snapshot(String file) throws IOException {
        return Files.readString(LanyardServer.OFAC_SNAPSHOT.resolve(file), StandardCharsets.UTF_8);
    }

    /** From now on, these texts are the publication. */
    public void publish(String sdnCsv, String altCsv) {
        this.sdn = sdnCsv;
        this.alt = altCsv;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = path.endsWith("/sdn.csv") ? sdn : path.endsWith("/alt.csv") ? alt : null;
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
