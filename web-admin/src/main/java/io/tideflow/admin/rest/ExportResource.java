package io.tideflow.admin.rest;

import io.tideflow.admin.rest.body.ExportBody;
import io.tideflow.batch.export.ExportFileView;
import io.tideflow.batch.export.ExportFiles;
import io.tideflow.batch.export.FileExports;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.admin.ExportFormat;
import io.tideflow.queue.api.admin.TaskFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Exports written to a file in the background by a Jakarta Batch job, for selections too large to stream in one
 * request: {@code POST /exports} starts one with the filters of {@code GET /tasks/export} (operator), {@code GET
 * /exports/{id}} tells how far it is, {@code GET /exports/{id}/file} hands out the file once complete (viewer). The
 * executions are listed, stopped and restarted with the others under {@code /batches}.
 */
@Path("/exports")
@Tag(name = "exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    @Inject
    FileExports exports;

    @Context
    UriInfo uri;

    /** Starts an export; answers 202 with it and its address. */
    @Operation(operationId = "exportsStart", summary = "Export the selected tasks to a file in the background")
    @APIResponse(
            responseCode = "202",
            description = "The export; Location is its address, and file the file's once it has completed.",
            content = @Content(schema = @Schema(implementation = ExportBody.class)))
    @POST
    public Response start(
            @QueryParam("format") @DefaultValue("ndjson") String format,
            @QueryParam("state") TaskState state,
            @QueryParam("type") String type,
            @QueryParam("group") String group,
            @QueryParam("createdFrom") Instant createdFrom,
            @QueryParam("createdTo") Instant createdTo,
            @QueryParam("idempotencyKey") String idempotencyKey) {
        ExportFormat chosen = QueryParams.exportFormat(format);
        TaskFilter filter = new TaskFilter(
                state,
                QueryParams.text(type),
                QueryParams.text(group),
                null,
                createdFrom,
                createdTo,
                QueryParams.text(idempotencyKey));
        ExportFileView started = exports.start(filter, chosen);
        long id = started.record().executionId();
        return Response.accepted(ExportBody.of(started, fileAddress(id)))
                .location(address(id))
                .build();
    }

    @Operation(
            operationId = "exportsOne",
            summary = "An export's status, filter and, once completed, its file's size and address")
    @GET
    @Path("/{id}")
    public ExportBody one(@PathParam("id") String id) {
        long export = exportId(id);
        return ExportBody.of(exports.find(export), fileAddress(export));
    }

    /** The file of a complete export; 409 while it runs, or when it failed or was stopped. */
    @Operation(operationId = "exportsFile", summary = "The exported file")
    @APIResponse(
            responseCode = "200",
            description = "The file: the rows, then a trailer line that says the export is complete.",
            content = {
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "409",
            description = "The export has not completed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @GET
    @Path("/{id}/file")
    @Produces({"application/x-ndjson", "text/csv", MediaType.APPLICATION_JSON})
    public Response file(@PathParam("id") String id) {
        long export = exportId(id);
        java.nio.file.Path file = exports.fileOf(export);
        boolean csv = file.getFileName().toString().endsWith("." + ExportFiles.extensionOf(ExportFormat.CSV));
        InputStream content;
        try {
            // opened here, not by the writer later: retention may delete the file in between, and an open file stays
            // readable, while a file the writer cannot find is a 500
            content = Files.newInputStream(file);
        } catch (NoSuchFileException deleted) {
            throw FileExports.notFetchable(export, "COMPLETED");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(content, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"tideflow-export-" + export + (csv ? ".csv" : ".ndjson") + "\"")
                .build();
    }

    private URI address(long id) {
        return uri.getBaseUriBuilder()
                .path(ExportResource.class)
                .path(Long.toString(id))
                .build();
    }

    private URI fileAddress(long id) {
        return uri.getBaseUriBuilder()
                .path(ExportResource.class)
                .path(Long.toString(id))
                .path("file")
                .build();
    }

    private static long exportId(String text) {
        try {
            long id = Long.parseLong(text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below, with the field named
        }
        throw new InvalidTaskRequestException("id", "must be an export id (a positive whole number), got " + text);
    }
}
