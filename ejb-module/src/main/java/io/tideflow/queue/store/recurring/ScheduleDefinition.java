package io.tideflow.queue.store.recurring;

import io.tideflow.queue.api.recurring.MisfirePolicy;
import io.tideflow.queue.api.recurring.ScheduleOrigin;

/**
 * What a schedule fires and when, checked: the part of a schedule its owner writes (a declaration or an API call), as
 * against the part the firing writes.
 *
 * @param payloadJson JSON text, never {@code null}
 * @param group       {@code null} for the type's default group
 * @param priority    {@code null} for the type's default priority
 */
public record ScheduleDefinition(
        String name,
        String type,
        String payloadJson,
        String group,
        Integer priority,
        String cron,
        String zone,
        MisfirePolicy misfire,
        int catchUpLimit,
        ScheduleOrigin origin) {}
