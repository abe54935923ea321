package org.concord.product;

import java.time.Instant;

/** The SQL and JSON type of a product column, and the Java type of its values. */
public enum ColumnType {
    TEXT(String.class),
    WHOLE(Long.class),
    DECIMAL(Double.class),
    INSTANT(Instant.class),
    BOOLEAN(Boolean.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }
}
