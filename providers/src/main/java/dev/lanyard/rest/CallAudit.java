package dev.lanyard.rest;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * What {@link Endpoints#run} tells the audit trail about each call: the kit knows calls, not where they are
 * kept (Lanyard's {@code audit} package implements it). An SPI of its own, so the kit imports no capability.
 */
public interface CallAudit extends Provider {

    /**
     * A call answered and not rolled back. {@code operation} is its OpenAPI operationId, {@code body} the request
     * body as received (null if none), {@code caller} the verified token's subject (null when the token was refused).
     */
    void record(String operation, String body, UserModel caller, Response response);

    @Override
    default void close() {
    }
}
