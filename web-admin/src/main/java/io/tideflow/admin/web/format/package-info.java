/** How the console writes durations, instants, latencies and rates, the same way on every page, and reads records. */
package io.tideflow.admin.web.format;
