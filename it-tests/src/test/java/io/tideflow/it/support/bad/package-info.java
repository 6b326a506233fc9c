/** Handlers that make a deployment invalid, for the suite that proves such deployments fail cleanly. */
package io.tideflow.it.support.bad;
