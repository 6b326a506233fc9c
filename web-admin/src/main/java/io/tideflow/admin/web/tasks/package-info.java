/** The console's task pages: the filtered, keyset-paged list and one task's detail with its timeline and actions. */
package io.tideflow.admin.web.tasks;
