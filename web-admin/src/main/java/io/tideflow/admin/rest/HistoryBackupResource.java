package io.tideflow.admin.rest;

import io.tideflow.queue.api.admin.MetricBackups;
import io.tideflow.queue.api.admin.RestoreCounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A backup of the metric history's hours and the insights, taken now (viewer), and the restore of one (operator).
 * Scheduled backups are written by the server into {@code tideflow.history.backup.directory}.
 */
@Path("/metrics/history")
@Tag(name = "metrics")
@RequestScoped
public class HistoryBackupResource {

    private static final String NDJSON = "application/x-ndjson";

    @Inject
    MetricBackups backups;

    /** Writes a backup to a file first (its reads are one short transaction), then streams the file and deletes it. */
    @Operation(operationId = "metricsHistoryBackup", summary = "A backup of the metric history's hours and insights")
    @APIResponse(
            responseCode = "200",
            description = "NDJSON: a header line, the hours, the insights, and a last line that says it is complete.",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @GET
    @Path("/backup")
    @Produces({NDJSON, MediaType.APPLICATION_JSON})
    public Response backup() throws IOException {
        java.nio.file.Path directory = Files.createTempDirectory("tideflow-backup");
        java.nio.file.Path file = backups.writeInto(directory);
        StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(directory);
            }
        };
        return Response.ok(body, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"")
                .build();
    }

    /** Restores a backup in one transaction; a bad line changes nothing and is named in the problem. */
    @Operation(
            operationId = "metricsHistoryRestore",
            summary = "Restore a backup: the hours and insight sets it covers are replaced by its lines")
    @RequestBody(
            description = "A backup as GET /metrics/history/backup or a scheduled backup wrote it.",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @POST
    @Path("/restore")
    @Consumes({NDJSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public RestoreCounts restore(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            return backups.restore(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
