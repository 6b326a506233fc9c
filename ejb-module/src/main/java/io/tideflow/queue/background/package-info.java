/**
 * How the engine runs its periodic background work (polls, rescues, samples, flushes): each on a managed thread of its
 * own, stopped and awaited by the bean that started it, never on the EJB timer service.
 */
package io.tideflow.queue.background;
