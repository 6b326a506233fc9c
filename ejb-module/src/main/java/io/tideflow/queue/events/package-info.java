/**
 * The lifecycle event bus: committed changes published by the engine, delivered off the dispatcher's threads to
 * Tideflow's own listeners (metrics, history) and to the application's asynchronous CDI observers.
 */
package io.tideflow.queue.events;
