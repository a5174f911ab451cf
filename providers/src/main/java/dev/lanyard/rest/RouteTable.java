package dev.lanyard.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

/**
 * The operations a resource serves, read from its JAX-RS annotations, so that a request none of them
 * matches gets 405 (path known, method not; with {@code Allow}) or 404, in the seed's envelope. Paths are
 * relative to the resource; sub-resource locators are not operations (their resource has its own table).
 */
public final class RouteTable {

    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, HttpMethod.GET, POST.class, HttpMethod.POST, PUT.class, HttpMethod.PUT,
            DELETE.class, HttpMethod.DELETE, PATCH.class, HttpMethod.PATCH);
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{[^}]+}");

    private record Route(Pattern path, String verb) {
    }

    /** Derived from the classes' annotations once per class: code, not state. */
    private static final ClassValue<RouteTable> TABLES = new ClassValue<>() {
        @Override
        protected RouteTable computeValue(Class<?> resource) {
            return read(resource);
        }
    };

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static RouteTable of(Class<?> resource) {
        return TABLES.get(resource);
    }

    private static RouteTable read(Class<?> resource) {
        List<Route> routes = new ArrayList<>();
        for (Method method : resource.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Unmatched.class)) {
                continue;
            }
            // A resource method without @Path serves the resource's own path.
            Path path = method.getAnnotation(Path.class);
            String template = path == null ? "" : path.value();
            VERBS.forEach((annotation, verb) -> {
                if (method.isAnnotationPresent(annotation)) {
                    routes.add(new Route(compile(template), verb));
                }
            });
        }
        return new RouteTable(routes);
    }

    /** The methods served at {@code path} (relative to the resource, no leading slash). */
    public Set<String> methodsAt(String path) {
        String normalized = path == null ? "" : path.replaceAll("^/+|/+$", "");
        Set<String> verbs = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(normalized).matches()) {
                verbs.add(route.verb());
            }
        }
        return verbs;
    }

    /** The answer to a request no operation matched. */
    public Response unmatched(KeycloakSession session, SeedEnvelope envelope, String path, String verb) {
        Set<String> allowed = methodsAt(path);
        if (allowed.isEmpty()) {
            return Endpoints.error(session, envelope, ApiError.notFound(NOT_FOUND, "No operation at this path."));
        }
        Response refusal = Endpoints.error(session, envelope, new ApiError(405, METHOD_NOT_ALLOWED,
                "The operation at this path does not take " + verb + "; it takes " + String.join(", ", allowed) + "."));
        return Response.fromResponse(refusal).header(HttpHeaders.ALLOW, String.join(", ", allowed))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Pattern compile(String template) {
        String trimmed = template.replaceAll("^/+|/+$", "");
        StringBuilder regex = new StringBuilder();
        Matcher params = TEMPLATE_PARAM.matcher(trimmed);
        int last = 0;
        while (params.find()) {
            regex.append(Pattern.quote(trimmed.substring(last, params.start()))).append("[^/]+");
            last = params.end();
        }
        regex.append(Pattern.quote(trimmed.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
