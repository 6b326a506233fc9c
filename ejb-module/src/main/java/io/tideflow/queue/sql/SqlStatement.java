package io.tideflow.queue.sql;

/**
 * One named statement of a catalog, ready for JDBC.
 *
 * @param name           its name in the catalog, which every error about it carries
 * @param sql            the JDBC text: a list placeholder {@code ?[n]} already written out as {@code n} markers
 * @param parameterCount how many markers the text has, a list's included
 * @param listWidth      how many markers the statement's one id list takes ({@code ?[n]}), or 0 when it has none;
 *                       a shorter list is bound padded with its first value, so the text never changes
 */
public record SqlStatement(String name, String sql, int parameterCount, int listWidth) {}
