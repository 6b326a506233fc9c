/** MicroProfile Health checks: whether this node is ready to take work and whether its engine is alive. */
package io.tideflow.queue.health;
