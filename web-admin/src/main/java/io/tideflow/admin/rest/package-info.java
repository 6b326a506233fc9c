/**
 * The REST API under {@code /tideflow/api}: submission, queries and commands on tasks, with errors as RFC 9457
 * problem documents that name the field at fault.
 */
package io.tideflow.admin.rest;
