/** What the batch module's launchers share: their periodic looks, run in the module that holds the jobs. */
package io.tideflow.batch.module;
