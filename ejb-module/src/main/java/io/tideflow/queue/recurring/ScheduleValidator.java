package io.tideflow.queue.recurring;

import io.tideflow.queue.api.InvalidTaskRequestException;
import io.tideflow.queue.api.TaskRequest;
import io.tideflow.queue.api.recurring.MisfirePolicy;
import io.tideflow.queue.api.recurring.ScheduleOrigin;
import io.tideflow.queue.api.recurring.ScheduleRequest;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.NameRules;
import io.tideflow.queue.enqueue.TaskRequestValidator;
import io.tideflow.queue.enqueue.ValidatedTaskRequest;
import io.tideflow.queue.handler.TaskTypeCatalog;
import io.tideflow.queue.store.recurring.ScheduleDefinition;

/**
 * Refuses a bad schedule with the field and the problem, whoever declares it: the tasks it will enqueue are checked as
 * an enqueue checks them (a known type, a JSON payload, a group name, a priority), so no slot fails for them later.
 */
final class ScheduleValidator {

    static final int DEFAULT_CATCH_UP_LIMIT = 10;

    private final TaskRequestValidator tasks;

    ScheduleValidator(TaskTypeCatalog catalog, EngineSettings settings) {
        this.tasks = new TaskRequestValidator(catalog, settings);
    }

    /** A checked schedule: its definition as stored, and its slots. */
    record ValidSchedule(ScheduleDefinition definition, CronSlots cron) {}

    ValidSchedule validate(ScheduleRequest request, ScheduleOrigin origin) {
        if (request == null) {
            throw new InvalidTaskRequestException("request", "is missing");
        }
        String name = request.name();
        if (name == null || name.isBlank()) {
            throw new InvalidTaskRequestException("name", "is required");
        }
        if (!NameRules.GROUP_NAME.matcher(name).matches()) {
            throw new InvalidTaskRequestException("name", "must be 1 to 100 letters, digits, '.', '-' or '_'");
        }
        ValidatedTaskRequest task = tasks.validate(new TaskRequest(
                request.type(), request.payloadJson(), request.group(), request.priority(), null, null, null));
        CronSlots cron = CronSlots.parse(request.cron(), request.zone());
        int catchUpLimit = request.catchUpLimit() == null ? DEFAULT_CATCH_UP_LIMIT : request.catchUpLimit();
        if (catchUpLimit < 1 || catchUpLimit > 1_000) {
            throw new InvalidTaskRequestException("catchUpLimit", "must be between 1 and 1000, got " + catchUpLimit);
        }
        MisfirePolicy misfire = request.misfire() == null ? MisfirePolicy.RUN_ONCE : request.misfire();
        return new ValidSchedule(
                new ScheduleDefinition(
                        name,
                        task.type(),
                        task.payloadJson(),
                        task.group(),
                        task.priority(),
                        cron.expression(),
                        cron.zone().getId(),
                        misfire,
                        catchUpLimit,
                        origin),
                cron);
    }
}
