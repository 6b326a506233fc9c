/**
 * What applications and the other Tideflow modules compile against: submitting tasks ({@link io.tideflow.queue.api.TaskQueue}),
 * reading them ({@link io.tideflow.queue.api.admin.TaskQueries}), writing handlers ({@link io.tideflow.queue.api.TaskHandler}),
 * the task states and the exceptions.
 */
package io.tideflow.queue.api;
