/** The {@code recurring_schedules} table: schedules' definitions, their next slot and what they fired. */
package io.tideflow.queue.store.recurring;
