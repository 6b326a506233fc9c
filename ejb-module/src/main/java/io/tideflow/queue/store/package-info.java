/**
 * The task store: JPA entities and the operations that move tasks between states, each one conditional statement on
 * the state it leaves (and on the lease token while a task runs).
 */
package io.tideflow.queue.store;
