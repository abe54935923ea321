package org.concord.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.concord.conjunction.ConjunctionQuery;

/** A search of stored conjunctions from its parameters ({@code GET /api/v1/conjunctions}, {@code concord conjunctions}). */
public final class ConjunctionSearch {

    /** The parameters a conjunction search accepts. */
    public static final Set<String> PARAMETERS = Set.of("noradId", "from", "to", "maxMissMeters", "minPc", "runId",
            "sort", "limit", "cursor");
    public static final int DEFAULT_LIMIT = 100;
    private static final Map<String, ConjunctionQuery.Sort> SORTS = sorts();

    private ConjunctionSearch() {
    }

    /** The search {@code p} asks for, its parameters among {@link #PARAMETERS}. */
    public static ConjunctionQuery read(Arguments p) {
        return new ConjunctionQuery(p.whole("noradId", 0, 999_999_999), p.instant("from"), p.instant("to"),
                p.decimal("maxMissMeters", 0, 1e9), p.decimal("minPc", 0, 1), p.whole("runId", 0, Long.MAX_VALUE),
                p.choice("sort", SORTS).orElse(ConjunctionQuery.Sort.TCA),
                (int) p.whole("limit", 1, ConjunctionQuery.MAX_LIMIT).orElse((long) DEFAULT_LIMIT).longValue(),
                (int) p.whole("cursor", 0, Integer.MAX_VALUE).orElse(0L).longValue());
    }

    /** {@code tca} (earliest first), {@code pc} or {@code -pc} (highest probability first). */
    private static Map<String, ConjunctionQuery.Sort> sorts() {
        Map<String, ConjunctionQuery.Sort> sorts = new LinkedHashMap<>();
        sorts.put("tca", ConjunctionQuery.Sort.TCA);
        sorts.put("pc", ConjunctionQuery.Sort.PC);
        sorts.put("-pc", ConjunctionQuery.Sort.PC);
        return sorts;
    }
}
