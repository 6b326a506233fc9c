/** Versioned schema migrations: one SQL file per change and per database, applied in order at deployment. */
package io.tideflow.queue.schema;
