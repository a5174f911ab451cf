package dev.lanyard.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource's catch-all methods, which answer requests no operation matches (unknown path,
 * wrong method) in the seed's envelope instead of Keycloak's generic error. Not an operation: the
 * route table and the OpenAPI check skip it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unmatched {
}
