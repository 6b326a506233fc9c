package io.tideflow.admin.rest;

import io.tideflow.admin.submission.JsonFields;
import io.tideflow.admin.submission.StrictJson;
import io.tideflow.admin.submission.SubmissionJson;
import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.workflow.OnPredecessorFailure;
import io.tideflow.queue.api.workflow.WorkflowRequest;
import io.tideflow.queue.api.workflow.WorkflowStep;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a workflow's body strictly: {@code {"name": ..., "steps": [{"step": ..., "task": {submission}, "after": [...],
 * "onPredecessorFailure": "CANCEL" | "RUN"}]}}; every refusal names the field, as in {@code steps[2].task.type}.
 */
final class WorkflowJson {

    private static final Set<String> FIELDS = Set.of("name", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("step", "task", "after", "onPredecessorFailure");

    private WorkflowJson() {}

    static WorkflowRequest read(byte[] body) {
        JsonObject json =
                StrictJson.readObject(body == null ? new byte[0] : body, "a JSON object with \"name\" and \"steps\"");
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidTaskRequestException(
                        field, "is not a field of a workflow; known fields are " + FIELDS);
            }
        }
        JsonValue steps = json.get("steps");
        if (!(steps instanceof JsonArray array)) {
            throw new InvalidTaskRequestException("steps", "must be an array of steps");
        }
        List<WorkflowStep> parsed = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject step)) {
                throw new InvalidTaskRequestException("steps[" + i + "]", "must be a JSON object");
            }
            parsed.add(step(step, "steps[" + i + "]"));
        }
        return new WorkflowRequest(text(json, "name", "name"), parsed);
    }

    private static WorkflowStep step(JsonObject json, String at) {
        for (String field : json.keySet()) {
            if (!STEP_FIELDS.contains(field)) {
                throw new InvalidTaskRequestException(
                        at + "." + field, "is not a field of a step; known fields are " + STEP_FIELDS);
            }
        }
        JsonValue task = json.get("task");
        if (!(task instanceof JsonObject submission)) {
            throw new InvalidTaskRequestException(at + ".task", "must be a task submission object");
        }
        List<String> after = new ArrayList<>();
        JsonValue predecessors = json.get("after");
        if (predecessors != null && predecessors != JsonValue.NULL) {
            if (!(predecessors instanceof JsonArray list)) {
                throw new InvalidTaskRequestException(at + ".after", "must be an array of step names or task ids");
            }
            for (int j = 0; j < list.size(); j++) {
                if (!(list.get(j) instanceof JsonString name)) {
                    throw new InvalidTaskRequestException(at + ".after[" + j + "]", "must be a string");
                }
                after.add(name.getString());
            }
        }
        return new WorkflowStep(
                text(json, "step", at + ".step"),
                SubmissionJson.request(submission, at + ".task."),
                after,
                onFailure(json, at));
    }

    private static OnPredecessorFailure onFailure(JsonObject json, String at) {
        String value = text(json, "onPredecessorFailure", at + ".onPredecessorFailure");
        if (value == null) {
            return null;
        }
        try {
            return OnPredecessorFailure.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskRequestException(
                    at + ".onPredecessorFailure", "must be CANCEL or RUN, got '" + value + "'");
        }
    }

    private static String text(JsonObject json, String field, String reportedAs) {
        return JsonFields.text(json, field, reportedAs);
    }
}
