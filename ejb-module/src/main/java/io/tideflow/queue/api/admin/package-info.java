/**
 * What operators see and steer, for the REST resources and the console: the facades ({@link
 * io.tideflow.queue.api.admin.TaskQueries}, {@link io.tideflow.queue.api.admin.ResourceGroups}, reports, metrics,
 * alerts) and the views (records) they return. Never an entity.
 */
package io.tideflow.queue.api.admin;
