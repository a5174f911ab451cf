package dev.lanyard.rest;

import java.util.function.Function;

import dev.lanyard.LanyardProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * A seed path segment served at {@code /realms/{realm}/<id>}: the provider id is the segment the seed fixes
 * ({@code user}, {@code auth}, {@code migrate}), hence not {@code lanyard-} prefixed like Lanyard's other
 * providers; the root resource only locates the capabilities' sub-resources. Subclasses name the segment and
 * the root, nothing else (unless a segment's capability has server options).
 */
public abstract class SeedApiProviderFactory<R extends SeedResource>
        implements RealmResourceProviderFactory, LanyardProviderFactory<RealmResourceProvider> {

    private final String id;
    private final Class<R> rootType;
    private final Function<KeycloakSession, R> root;

    protected SeedApiProviderFactory(String id, Class<R> rootType, Function<KeycloakSession, R> root) {
        this.id = id;
        this.rootType = rootType;
        this.root = root;
    }

    @Override
    public final String getId() {
        return id;
    }

    /** The root resource's class: the OpenAPI check walks its locators to list what the segment serves. */
    public final Class<R> rootType() {
        return rootType;
    }

    @Override
    public final RealmResourceProvider create(KeycloakSession session) {
        R resource = root.apply(session);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }
}
