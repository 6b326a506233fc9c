package io.tideflow.admin.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B instance that writes every response body. Without it WildFly's RESTEasy builds a {@code Jsonb} per
 * response (a service lookup in the module's jars), and Yasson, which keeps what it learns of a class per instance,
 * introspects the body's classes afresh each time; that showed as the largest part of the request threads' samples in
 * a profile of single submits, though the submit rate moved within the noise when it went (docs/benchmarks.md,
 * "Through the server"). A {@code Jsonb} is thread-safe.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
