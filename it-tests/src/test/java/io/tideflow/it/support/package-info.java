/** Test-only beans deployed next to Tideflow: handlers with database side effects and a way to count them. */
package io.tideflow.it.support;
