/**
 * The REST API's OpenAPI description: what MicroProfile OpenAPI cannot read from the resources' annotations and
 * {@code META-INF/openapi.yaml}, such as the problem responses every operation shares.
 */
package io.tideflow.admin.rest.openapi;
