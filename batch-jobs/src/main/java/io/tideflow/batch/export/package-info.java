/**
 * Exports written to a file by a Jakarta Batch job ({@code tideflow-export}) and handed out when done: the background
 * counterpart of the streaming {@code GET /api/tasks/export}, for exports too large to hold a request open for.
 */
package io.tideflow.batch.export;
