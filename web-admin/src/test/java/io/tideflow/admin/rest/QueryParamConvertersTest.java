package io.tideflow.admin.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideflow.queue.api.TaskState;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The conversions. A refusal is a JAX-RS response, which needs the server's runtime: TaskApiIT and ReportsIT check
 * on WildFly that it is a 400 problem naming the parameter.
 */
class QueryParamConvertersTest {

    private final QueryParamConverters converters = new QueryParamConverters();

    @Test
    void aStateIsReadInAnyCaseAndABlankOneIsNoFilter() {
        var state = converters.getConverter(TaskState.class, TaskState.class, named("state"));
        assertThat(state.fromString(" running ")).isEqualTo(TaskState.RUNNING);
        assertThat(state.fromString("")).isNull();
        assertThat(state.fromString(null)).isNull();
    }

    @Test
    void anInstantIsReadAsIso8601() {
        var from = converters.getConverter(Instant.class, Instant.class, named("createdFrom"));
        assertThat(from.fromString("2026-11-30T10:00:00Z")).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void otherTypesAreLeftToTheRuntime() {
        assertThat(converters.getConverter(Integer.class, Integer.class, named("limit")))
                .isNull();
    }

    private static Annotation[] named(String name) {
        return new Annotation[] {
            new QueryParam() {
                @Override
                public String value() {
                    return name;
                }

                @Override
                public Class<? extends Annotation> annotationType() {
                    return QueryParam.class;
                }
            }
        };
    }
}
