/**
 * Recurring schedules at work: cron slots in a time zone, the misfire policies, the poll that fires due slots on every
 * node (one task per slot, by the schedule's version and the slot's idempotency key), the declared schedules written at
 * deployment, and the {@link io.tideflow.queue.api.recurring.RecurringSchedules} facade.
 */
package io.tideflow.queue.recurring;
