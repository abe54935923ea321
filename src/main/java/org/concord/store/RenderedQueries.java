package org.concord.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.label.LabelFilter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Queries rendered to SQL once per shape and run many times: rendering a single-object read took jOOQ more time than
 * the database took to answer it. A shape is a statement's name and the label filter it applies; everything in it is
 * inlined (label ids, kinds) but the named parameters ({@code DSL.param("noradId", Long.class)}), bound per call.
 */
final class RenderedQueries {

    private static final Pattern NAMED_PARAMETER = Pattern.compile(":([A-Za-z][A-Za-z0-9_]*)");

    private record Shape(String statement, LabelFilter filter) {
    }

    private record Rendered(String sql, List<String> parameters, Field<?>[] fields) {
    }

    private final DSLContext dsl;
    private final Map<Shape, Rendered> rendered = new ConcurrentHashMap<>();

    RenderedQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The named parameter of the object a statement is about. */
    static Field<Long> noradIdParam() {
        return DSL.param("noradId", Long.class);
    }

    /**
     * The rows of the query {@code build} makes for this statement and filter (built and rendered on first use), with
     * {@code values} bound to its named parameters.
     */
    Result<Record> fetch(String statement, LabelFilter filter, Map<String, Object> values,
                         Supplier<? extends Select<? extends Record>> build) {
        Rendered q = BoundedCache.cached(rendered, new Shape(statement, filter),
                () -> render(build.get(), values.keySet()));
        return dsl.connectionResult(connection -> {
            try (PreparedStatement prepared = connection.prepareStatement(q.sql())) {
                for (int i = 0; i < q.parameters().size(); i++) {
                    prepared.setObject(i + 1, values.get(q.parameters().get(i)));
                }
                try (ResultSet rows = prepared.executeQuery()) {
                    return dsl.fetch(rows, q.fields());
                }
            }
        });
    }

    private Rendered render(Select<? extends Record> query, java.util.Set<String> names) {
        String sql = dsl.renderNamedOrInlinedParams(query);
        StringBuilder jdbc = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        Matcher m = NAMED_PARAMETER.matcher(sql);
        while (m.find()) {
            // an inlined literal (a time of day in a timestamp) can hold a colon too: only the given names count
            if (names.contains(m.group(1)) && (m.start() == 0 || sql.charAt(m.start() - 1) != ':')) {
                parameters.add(m.group(1));
                m.appendReplacement(jdbc, "?");
            }
        }
        m.appendTail(jdbc);
        if (!parameters.containsAll(names)) {
            throw new IllegalStateException("parameters " + names + " not all found in " + sql);
        }
        return new Rendered(jdbc.toString(), List.copyOf(parameters), query.getSelect().toArray(Field<?>[]::new));
    }
}
