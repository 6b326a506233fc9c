/**
 * Recurring schedules: a cron expression in a time zone that enqueues one task per slot across all nodes, declared on
 * a handler ({@link io.tideflow.queue.api.recurring.Recurring}), in configuration or through
 * {@link io.tideflow.queue.api.recurring.RecurringSchedules}.
 */
package io.tideflow.queue.api.recurring;
