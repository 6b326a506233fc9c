/** Reading Tideflow's MicroProfile Config keys, with errors that name the key and the value. */
package io.tideflow.queue.config;
