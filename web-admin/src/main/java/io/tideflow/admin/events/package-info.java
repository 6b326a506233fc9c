/**
 * Lifecycle events for the outside: the versioned JSON document of an event, and the filter by group and type that the
 * event stream and the message topic share.
 */
package io.tideflow.admin.events;
