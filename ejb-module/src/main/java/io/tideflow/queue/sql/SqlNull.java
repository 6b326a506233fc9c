package io.tideflow.queue.sql;

import java.sql.Types;

/**
 * A NULL parameter of a known SQL type. PostgreSQL refuses a NULL typed as text for a numeric column, so a nullable
 * number is bound through {@link #integer} or {@link #bigint}; a plain {@code null} binds as text.
 */
public enum SqlNull {
    VARCHAR(Types.VARCHAR),
    INTEGER(Types.INTEGER),
    BIGINT(Types.BIGINT),
    DOUBLE(Types.DOUBLE);

    private final int sqlType;

    SqlNull(int sqlType) {
        this.sqlType = sqlType;
    }

    int sqlType() {
        return sqlType;
    }

    /** The value, or an INTEGER NULL. */
    public static Object integer(Integer value) {
        return value == null ? INTEGER : value;
    }

    /** The value, or a BIGINT NULL. */
    public static Object bigint(Long value) {
        return value == null ? BIGINT : value;
    }
}
