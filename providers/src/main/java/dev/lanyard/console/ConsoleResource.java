package dev.lanyard.console;

import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code /realms/{realm}/lanyard-console/...}: what the operations console serves from the jar. Today the OpenAPI
 * document of every Lanyard operation ({@code openapi.yaml}), the same file the contract suites read, so it cannot
 * drift from the served operations ({@code OpenApiDocumentTest}). Public, as a partner reads it before holding a token;
 * it names operations and fields, never a realm's data.
 */
public final class ConsoleResource {

    static final String DOCUMENT = "/openapi/lanyard-openapi.yaml";
    /** A static document: no script, no frame, no style from anywhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @GET
    @Path("openapi.yaml")
    public Response openApi() throws IOException {
        try (InputStream document = ConsoleResource.class.getResourceAsStream(DOCUMENT)) {
            if (document == null) {
                return Response.status(404).build();
            }
            return Response.ok(document.readAllBytes(), "application/yaml; charset=utf-8")
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "public, max-age=300")
                    .build();
        }
    }
}
