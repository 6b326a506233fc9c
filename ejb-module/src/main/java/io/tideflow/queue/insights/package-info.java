/**
 * The design's performance analyzer: every few minutes, on one node, insights computed from the metric history (types
 * slower than their own baseline, the slowest and the most retried types, groups at their limits, nodes short of a
 * resource), kept as sets of rows with a severity and a plain sentence.
 */
package io.tideflow.queue.insights;
