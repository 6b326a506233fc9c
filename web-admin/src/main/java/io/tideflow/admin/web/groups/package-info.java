/** The console's groups page: limits, pause and resume, and each group's breaker with its counts and next probe. */
package io.tideflow.admin.web.groups;
