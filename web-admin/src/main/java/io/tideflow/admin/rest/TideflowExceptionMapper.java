package io.tideflow.admin.rest;

import io.tideflow.batch.executions.BatchExecutionNotFoundException;
import io.tideflow.batch.executions.BatchExecutionStateException;
import io.tideflow.batch.export.ExportNotFoundException;
import io.tideflow.queue.api.IllegalTransitionException;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.PayloadTooLargeException;
import io.tideflow.queue.api.TaskNotFoundException;
import io.tideflow.queue.api.TideflowException;
import io.tideflow.queue.api.admin.ExportsBusyException;
import io.tideflow.queue.api.admin.GroupNotFoundException;
import io.tideflow.queue.api.admin.ReportsBusyException;
import io.tideflow.queue.api.event.TooManySubscriptionsException;
import io.tideflow.queue.api.recurring.ScheduleConflictException;
import io.tideflow.queue.api.recurring.ScheduleNotFoundException;
import io.tideflow.queue.api.workflow.WorkflowNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the engine's exceptions into problem responses with the status that fits each. */
@Provider
public class TideflowExceptionMapper implements ExceptionMapper<TideflowException> {

    @Override
    public Response toResponse(TideflowException exception) {
        Throwable e = exception;
        if (e instanceof PayloadTooLargeException tooLarge) {
            return new Problem(413, "Payload too large", tooLarge.problem(), tooLarge.field()).toResponse();
        }
        if (e instanceof InvalidTaskRequestException invalid) {
            return new Problem(400, "Invalid request", invalid.problem(), invalid.field()).toResponse();
        }
        if (e instanceof TaskNotFoundException notFound) {
            return new Problem(404, "Task not found", notFound.getMessage(), null).toResponse();
        }
        if (e instanceof GroupNotFoundException notFound) {
            return new Problem(404, "Group not found", notFound.getMessage(), null).toResponse();
        }
        if (e instanceof WorkflowNotFoundException notFound) {
            return new Problem(404, "Workflow not found", notFound.getMessage(), null).toResponse();
        }
        if (e instanceof ScheduleNotFoundException notFound) {
            return new Problem(404, "Schedule not found", notFound.getMessage(), null).toResponse();
        }
        if (e instanceof ScheduleConflictException conflict) {
            return new Problem(409, "Schedule conflict", conflict.getMessage(), "name").toResponse();
        }
        if (e instanceof ExportsBusyException busy) {
            return Response.fromResponse(new Problem(429, "Too many exports", busy.getMessage(), null).toResponse())
                    .header("Retry-After", "5")
                    .build();
        }
        if (e instanceof TooManySubscriptionsException busy) {
            return Response.fromResponse(
                            new Problem(429, "Too many event streams", busy.getMessage(), null).toResponse())
                    .header("Retry-After", "10")
                    .build();
        }
        if (e instanceof ReportsBusyException busy) {
            return Response.fromResponse(new Problem(429, "Too many reports", busy.getMessage(), null).toResponse())
                    .header("Retry-After", "2")
                    .build();
        }
        if (e instanceof ExportNotFoundException notFound) {
            return new Problem(404, "Export not found", notFound.getMessage(), null).toResponse();
        }
        if (e instanceof BatchExecutionNotFoundException notFound) {
            return new Problem(404, "Batch execution not found", notFound.getMessage(), null).toResponse();
        }
        if (e instanceof BatchExecutionStateException state) {
            return new Problem(409, "Batch execution is in the wrong state", state.getMessage(), "status").toResponse();
        }
        if (e instanceof IllegalTransitionException illegal) {
            return new Problem(409, "Task is in the wrong state", illegal.getMessage(), "state").toResponse();
        }
        return new Problem(500, "Internal error", exception.getMessage(), null).toResponse();
    }
}
