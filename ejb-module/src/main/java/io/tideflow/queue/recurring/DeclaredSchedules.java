package io.tideflow.queue.recurring;

import io.tideflow.queue.api.recurring.Recurring;
import io.tideflow.queue.api.recurring.ScheduleOrigin;
import io.tideflow.queue.api.recurring.ScheduleRequest;
import io.tideflow.queue.config.EngineSettings;
import io.tideflow.queue.config.ScheduleSettings;
import io.tideflow.queue.handler.TaskTypeCatalog;
import io.tideflow.queue.store.recurring.ScheduleDefinition;
import java.util.Map;
import java.util.TreeMap;

/**
 * The schedules a deployment declares: a {@link Recurring} handler's, named after its type unless the annotation names
 * it, and the configuration's {@code tideflow.schedule."<name>".*}; a configured schedule replaces an annotated one of
 * the same name, so an operator can move a handler's slots without a new build.
 */
public final class DeclaredSchedules {

    private DeclaredSchedules() {}

    /**
     * Every declared schedule, checked.
     *
     * @param annotated the enabled handlers' annotations, by task type
     * @throws io.tideflow.queue.api.InvalidTaskRequestException naming the schedule and the field at fault
     */
    public static Map<String, ScheduleDefinition> of(
            Map<String, Recurring> annotated,
            ScheduleSettings settings,
            TaskTypeCatalog catalog,
            EngineSettings engine) {
        Map<String, ScheduleRequest> requests = new TreeMap<>();
        annotated.forEach((type, recurring) -> {
            ScheduleRequest request = requestOf(type, recurring);
            requests.put(request.name(), request);
        });
        requests.putAll(settings.configured());
        ScheduleValidator validator = new ScheduleValidator(catalog, engine);
        Map<String, ScheduleDefinition> definitions = new TreeMap<>();
        requests.forEach((name, request) -> {
            try {
                definitions.put(
                        name,
                        validator.validate(request, ScheduleOrigin.DECLARED).definition());
            } catch (RuntimeException invalid) {
                throw new IllegalStateException(
                        "recurring schedule '" + name + "' is declared with a problem: " + invalid.getMessage(),
                        invalid);
            }
        });
        return definitions;
    }

    private static ScheduleRequest requestOf(String type, Recurring recurring) {
        ScheduleRequest.Builder request = ScheduleRequest.named(
                        recurring.name().isEmpty() ? type : recurring.name(), type, recurring.cron())
                .zone(recurring.zone())
                .payloadJson(recurring.payload())
                .misfire(recurring.misfire())
                .catchUpLimit(recurring.catchUpLimit());
        if (!recurring.group().isEmpty()) {
            request.group(recurring.group());
        }
        return request.build();
    }
}
