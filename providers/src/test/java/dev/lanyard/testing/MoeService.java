package dev.lanyard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.keycloak.util.JsonSerialization;

/**
 * The MOE system, outside the product, served for real by the framework's HTTP server
 * (127.0.0.1:8500, path {@link #PATH}): {@code POST /users/sync} takes a person and answers 200, or
 * 503 while {@link #down(boolean) down}. It keeps what it received so tests can check the sync.
 */
public final class MoeService {

    public static final String PATH = "/moe";
    public static final String BASE_URL = "http://127.0.0.1:8500" + PATH;

    private final List<JsonNode> synced = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    private MoeService() {
    }

    public static MoeService serve(HttpServer server) {
        MoeService service = new MoeService();
        try {
            server.removeContext(PATH);
        } catch (IllegalArgumentException notThere) {
            // first use in this run
        }
        server.createContext(PATH, service::handle);
        return service;
    }

    public List<JsonNode> synced() {
        return List.copyOf(synced);
    }

    public void down(boolean down) {
        this.down = down;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(PATH.length());
            if (!"POST".equals(exchange.getRequestMethod()) || !"/users/sync".equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode person = JsonSerialization.mapper.readTree(in);
                if (down) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                synced.add(person);
            }
            byte[] ok = "{\"status\":\"SYNCED\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        }
    }
}
