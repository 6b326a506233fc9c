/** The console's page of nodes (alive, heartbeats, running attempts) and alerts (active and recent). */
package io.tideflow.admin.web.cluster;
