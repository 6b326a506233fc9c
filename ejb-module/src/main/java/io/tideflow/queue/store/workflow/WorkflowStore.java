package io.tideflow.queue.store.workflow;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;
import io.tideflow.queue.api.workflow.OnPredecessorFailure;
import io.tideflow.queue.api.workflow.PredecessorView;
import io.tideflow.queue.sql.SqlRunner;
import io.tideflow.queue.store.StoreDialect;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes and reads {@code workflows}, {@code workflow_steps} and {@code task_dependencies} in the caller's transaction. */
public class WorkflowStore {

    /** A workflow's own row. */
    public record WorkflowRow(String id, String name, Instant createdAt, String createdBy) {}

    /** A step's task as it is now. */
    public record StepRow(
            String step,
            TaskId taskId,
            String type,
            String group,
            TaskState state,
            Instant updatedAt,
            String lastError) {}

    /** {@code task} waits for {@code predecessor}. */
    public record Dependency(TaskId task, TaskId predecessor, OnPredecessorFailure onFailure) {}

    private final SqlRunner sql;

    public WorkflowStore(EntityManager em, StoreDialect dialect) {
        this.sql = dialect.on(em);
    }

    public void insert(WorkflowRow workflow) {
        sql.update(
                "workflow.insert",
                workflow.id(),
                workflow.name(),
                workflow.createdAt().toEpochMilli(),
                workflow.createdBy());
    }

    /** The workflow's steps and their tasks, in one batch. */
    public void insertSteps(String workflowId, Map<String, TaskId> tasksByStep) {
        sql.batch("workflow.insertStep", List.copyOf(tasksByStep.entrySet()), step ->
                new Object[] {workflowId, step.getKey(), step.getValue().value()});
    }

    /** Who waits for whom, in one batch. */
    public void insertDependencies(List<Dependency> dependencies) {
        sql.batch("workflow.insertDependency", dependencies, dependency -> new Object[] {
            dependency.task().value(),
            dependency.predecessor().value(),
            dependency.onFailure().name()
        });
    }

    public Optional<WorkflowRow> find(String id) {
        return sql.first(
                "workflow.find",
                row -> new WorkflowRow(
                        row.getString(1).trim(),
                        row.getString(2),
                        Instant.ofEpochMilli(row.getLong(3)),
                        row.getString(4)),
                id);
    }

    public List<StepRow> steps(String workflowId) {
        return sql.list(
                "workflow.steps",
                row -> new StepRow(
                        row.getString(1),
                        TaskId.of(row.getString(2).trim()),
                        row.getString(3),
                        row.getString(4),
                        TaskState.valueOf(row.getString(5).trim()),
                        Instant.ofEpochMilli(row.getLong(6)),
                        row.getString(7)),
                workflowId);
    }

    /** Every edge of the workflow, as (task, the task it waits for). */
    public List<TaskId[]> edges(String workflowId) {
        return sql.list(
                "workflow.edges",
                row -> new TaskId[] {
                    TaskId.of(row.getString(1).trim()),
                    TaskId.of(row.getString(2).trim())
                },
                workflowId);
    }

    /** The task's predecessors with their results. */
    public List<PredecessorView> predecessorsOf(TaskId task) {
        return sql.list(
                "workflow.predecessors",
                row -> new PredecessorView(
                        TaskId.of(row.getString(1).trim()),
                        row.getString(5),
                        row.getString(2),
                        TaskState.valueOf(row.getString(3).trim()),
                        row.getString(4)),
                task.value());
    }

    /** Which of these ids are tasks. */
    public List<TaskId> existing(List<TaskId> ids) {
        List<TaskId> found = new ArrayList<>();
        List<String> values = ids.stream().map(TaskId::value).toList();
        for (List<String> some : sql.slices("workflow.existingTasks", values)) {
            found.addAll(sql.list(
                    "workflow.existingTasks", row -> TaskId.of(row.getString(1).trim()), some));
        }
        return found;
    }

    /** The workflow's tasks that have not ended. */
    public List<TaskId> unfinished(String workflowId) {
        return sql.list(
                "workflow.unfinishedSteps", row -> TaskId.of(row.getString(1).trim()), workflowId);
    }
}
