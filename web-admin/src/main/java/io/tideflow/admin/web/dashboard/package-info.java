/** The console's dashboard: every group's figures now and over the last hour, day or week, refreshed live. */
package io.tideflow.admin.web.dashboard;
