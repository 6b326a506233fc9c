/**
 * Task handlers: found while the deployment is scanned, looked up by type, and their payloads and results as JSON.
 */
package io.tideflow.queue.handler;
