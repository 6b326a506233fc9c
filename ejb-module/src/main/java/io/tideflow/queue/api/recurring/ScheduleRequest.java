package io.tideflow.queue.api.recurring;

import java.util.Objects;

/**
 * A schedule to create or to replace: only the name, the task type and the cron expression are required.
 *
 * @param name         1 to 100 letters, digits, '.', '-' or '_'
 * @param type         the task type each slot enqueues
 * @param payloadJson  the tasks' payload as JSON; {@code null} for the JSON {@code null}
 * @param group        the tasks' resource group; {@code null} for the type's default
 * @param priority     the tasks' priority, 0 to 9; {@code null} for the type's default
 * @param cron         five fields, six with seconds first, or a macro such as {@code @daily}
 * @param zone         an IANA time zone; {@code null} for UTC
 * @param misfire      {@code null} for {@link MisfirePolicy#RUN_ONCE}
 * @param catchUpLimit with {@link MisfirePolicy#CATCH_UP}, 1 to 1,000; {@code null} for 10
 */
public record ScheduleRequest(
        String name,
        String type,
        String payloadJson,
        String group,
        Integer priority,
        String cron,
        String zone,
        MisfirePolicy misfire,
        Integer catchUpLimit) {

    /** Starts a request for a schedule of this name that enqueues tasks of {@code type} on {@code cron}'s slots. */
    public static Builder named(String name, String type, String cron) {
        return new Builder(name, type, cron);
    }

    /** Builds a {@link ScheduleRequest} field by field. */
    public static final class Builder {
        private final String name;
        private final String type;
        private final String cron;
        private String payloadJson;
        private String group;
        private Integer priority;
        private String zone;
        private MisfirePolicy misfire;
        private Integer catchUpLimit;

        private Builder(String name, String type, String cron) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
            this.cron = Objects.requireNonNull(cron, "cron");
        }

        public Builder payloadJson(String json) {
            this.payloadJson = json;
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder zone(String zone) {
            this.zone = zone;
            return this;
        }

        public Builder misfire(MisfirePolicy misfire) {
            this.misfire = misfire;
            return this;
        }

        public Builder catchUpLimit(int limit) {
            this.catchUpLimit = limit;
            return this;
        }

        public ScheduleRequest build() {
            return new ScheduleRequest(name, type, payloadJson, group, priority, cron, zone, misfire, catchUpLimit);
        }
    }
}
