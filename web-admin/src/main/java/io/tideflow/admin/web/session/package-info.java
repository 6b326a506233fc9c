/**
 * Who uses the console: its form login and logout against the server's realm (the API keeps HTTP Basic), the filter
 * that sends visitors without a session to the login page, and the user's roles for the pages.
 */
package io.tideflow.admin.web.session;
