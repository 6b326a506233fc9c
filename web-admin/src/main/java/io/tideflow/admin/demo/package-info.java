/**
 * The demo task types of the quickstart ({@code demo.echo}, {@code demo.sleep}, {@code demo.fail}). They exist only
 * where {@code tideflow.demo.enabled=true}, which the quickstart configuration sets and production does not.
 */
package io.tideflow.admin.demo;
