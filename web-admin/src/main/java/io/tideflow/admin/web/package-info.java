/** Servlet-level pieces of the web application: problem documents (or, on console pages, an error page) for the container's own error responses. */
package io.tideflow.admin.web;
