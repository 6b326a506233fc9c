/**
 * Live metrics: the engine's meters (counters, timers with percentiles, gauges), kept in whichever metrics library
 * the server provides and scraped by Prometheus from the server's metrics endpoint.
 */
package io.tideflow.queue.metrics;
