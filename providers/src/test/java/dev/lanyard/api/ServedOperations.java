package dev.lanyard.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import dev.lanyard.rest.SeedApiProviderFactory;
import dev.lanyard.rest.Unmatched;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * The REST surface as the code declares it: every root the pack registers (its realm resource factories) and,
 * following their sub-resource locators, every resource and operation below it. No server needed.
 */
final class ServedOperations {

    static final Map<Class<? extends Annotation>, String> VERBS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    /** A resource class and the path it is located at ({@code /user/mfa/totp}). */
    record Located(Class<?> resource, String path) {
    }

    /** One operation: {@code verb}, full path from the realm ({@code /user/mfa/totp/{credentialId}}), and its template within its resource. */
    record Operation(String verb, String path, Class<?> resource, String template) {
    }

    private ServedOperations() {
    }

    /** The roots, by their path segment, as the pack's service file registers them. */
    static Map<String, Class<?>> roots() {
        Map<String, Class<?>> roots = new TreeMap<>();
        for (RealmResourceProviderFactory factory : ServiceLoader.load(RealmResourceProviderFactory.class)) {
            if (factory instanceof SeedApiProviderFactory<?> seed) {
                roots.put(seed.getId(), seed.rootType());
            }
        }
        return roots;
    }

    static List<Located> resources() {
        List<Located> found = new ArrayList<>();
        roots().forEach((segment, root) -> walk(root, "/" + segment, found));
        return found;
    }

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Located located : resources()) {
            for (Method method : located.resource().getMethods()) {
                if (method.isAnnotationPresent(Unmatched.class)) {
                    continue;
                }
                String template = template(method);
                VERBS.forEach((annotation, verb) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        operations.add(new Operation(verb, join(located.path(), template), located.resource(), template));
                    }
                });
            }
        }
        return operations;
    }

    private static void walk(Class<?> resource, String path, List<Located> found) {
        found.add(new Located(resource, path));
        for (Method method : resource.getMethods()) {
            boolean locator = method.isAnnotationPresent(Path.class)
                    && VERBS.keySet().stream().noneMatch(method::isAnnotationPresent);
            if (locator) {
                walk(method.getReturnType(), join(path, template(method)), found);
            }
        }
    }

    static String template(Method method) {
        Path path = method.getAnnotation(Path.class);
        return path == null ? "" : path.value().replaceAll("^/+|/+$", "");
    }

    private static String join(String base, String template) {
        return template.isEmpty() ? base : base + "/" + template;
    }
}
