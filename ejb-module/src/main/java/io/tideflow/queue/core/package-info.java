/**
 * The engine: the enqueue flow, the transition table, the dispatcher that claims and runs tasks, retry decisions,
 * handler lookup and the engine's configuration.
 */
package io.tideflow.queue.core;
