package io.tideflow.queue.api.admin;

/** How an export writes tasks. */
public enum ExportFormat {
    /** One JSON object per line ({@code application/x-ndjson}); payload and result embedded as JSON. */
    NDJSON,
    /** RFC 4180 comma-separated values with a header line ({@code text/csv}); payload and result as JSON text. */
    CSV
}
