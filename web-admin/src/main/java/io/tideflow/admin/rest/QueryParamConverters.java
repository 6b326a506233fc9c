package io.tideflow.admin.rest;

import io.tideflow.queue.api.TaskState;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Converts task states and instants in query and path parameters; a blank value is no value. A value that does not
 * convert is a 400 problem naming the parameter (JAX-RS would otherwise answer 404 for a bad query parameter).
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == TaskState.class) {
            return (ParamConverter<T>) new Converter<>(name, QueryParamConverters::state);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<>(name, QueryParamConverters::instant);
        }
        return null;
    }

    private static TaskState state(String name, String value) {
        try {
            return TaskState.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    name, "must be one of " + Arrays.toString(TaskState.values()) + ", got " + value);
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    name, "must be an ISO-8601 instant such as 2026-11-28T10:00:00Z, got " + value);
        }
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return "parameter";
    }

    private interface Parse<T> {
        T parse(String name, String value);
    }

    private record Converter<T>(String name, Parse<T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            return value == null || value.isBlank() ? null : parse.parse(name, value.trim());
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }

    /** A 400 problem that names the parameter, thrown where JAX-RS converts parameters. */
    static final class InvalidParameterException extends BadRequestException {

        private static final long serialVersionUID = 1L;

        InvalidParameterException(String name, String problem) {
            super(problem, new Problem(400, "Invalid request", problem, name).toResponse());
        }
    }
}
