/**
 * Alerts: rules in configuration evaluated on one node at a time, alerts raised and cleared once across the cluster
 * in the {@code alerts} table, and the notifiers told (log, webhook, the application's own).
 */
package io.tideflow.queue.alerts;
