package io.tideflow.admin.rest;

/** Free-text query parameters: a blank one is no filter. Typed ones convert through {@link QueryParamConverters}. */
final class QueryParams {

    private QueryParams() {}

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
