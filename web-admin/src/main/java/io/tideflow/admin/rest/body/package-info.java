/**
 * The REST API's response bodies: records that JSON-B writes (properties in alphabetical order, absent when null
 * unless marked {@code @JsonbNillable}). Engine records whose shape is the API's ({@code NodeView},
 * {@code MetricsSummary}, {@code TaskReportRow}, {@code MetricPoint}) are written as they are.
 */
package io.tideflow.admin.rest.body;
