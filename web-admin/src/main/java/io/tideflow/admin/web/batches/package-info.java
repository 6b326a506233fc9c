/** The console's page of batch executions: the chunk jobs Tideflow started, their steps and tasks, stop and restart. */
package io.tideflow.admin.web.batches;
