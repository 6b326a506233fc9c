/** Servlet-level pieces of the web application: problem documents for the container's own error responses. */
package io.tideflow.admin.web;
