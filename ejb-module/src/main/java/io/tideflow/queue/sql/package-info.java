/**
 * The SQL that Tideflow runs, in one place per database: named statements read from
 * {@code META-INF/tideflow/sql/common.sql} and {@code <database>.sql} ({@link io.tideflow.queue.sql.SqlCatalog}), and
 * the one JDBC helper that runs them by name ({@link io.tideflow.queue.sql.SqlRunner}). No other package prepares a
 * statement or writes a query: the layering test holds every other class to that.
 */
package io.tideflow.queue.sql;
