package io.tideflow.queue.store;

import io.tideflow.queue.api.TaskId;
import io.tideflow.queue.api.TaskState;

/** A task the archiver moved to ARCHIVED, and the state it ended in before. */
public record ArchivedTask(TaskId id, String type, String group, TaskState from) {}
