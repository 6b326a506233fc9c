/** Arquillian suites against a real WildFly with the real Tideflow WAR deployed. */
package io.tideflow.it;
