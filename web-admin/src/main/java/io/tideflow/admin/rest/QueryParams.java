package io.tideflow.admin.rest;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.admin.ExportFormat;
import java.util.Locale;

/** Free-text query parameters: a blank one is no filter. Typed ones convert through {@link QueryParamConverters}. */
final class QueryParams {

    private QueryParams() {}

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code ndjson} or {@code csv}, in any case. */
    static ExportFormat exportFormat(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "ndjson" -> ExportFormat.NDJSON;
            case "csv" -> ExportFormat.CSV;
            default -> throw new InvalidTaskRequestException("format", "must be ndjson or csv, got " + value);
        };
    }
}
