package org.concord.store;

import static org.concord.store.BoundedCache.cached;
import static org.concord.store.LabelConditions.admitted;
import static org.concord.store.LabelConditions.lane;
import static org.concord.store.LabelConditions.orbitVisible;
import static org.concord.store.LabelConditions.sameForBothKinds;
import static org.concord.store.ObjectPaging.beyond;
import static org.concord.store.ObjectPaging.cursorAfter;
import static org.concord.store.ObjectPaging.pageOrder;
import static org.concord.store.ObjectPaging.sortField;
import static org.concord.store.ObjectPaging.sortValue;
import static org.concord.store.RenderedQueries.noradIdParam;
import static org.concord.store.SqlValues.idIn;
import static org.concord.store.SqlValues.isPostgres;
import static org.concord.store.SqlValues.odt;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.ObjectQuery;
import org.concord.catalog.ObjectQuery.Range;
import org.concord.catalog.ObjectQuery.SortKey;
import org.concord.catalog.OrbitRecord;
import org.concord.catalog.OwnerCodes;
import org.concord.catalog.Page;
import org.concord.catalog.SpaceObject;
import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.concord.store.HiddenNewest.Hidden;
import org.concord.store.ObjectPaging.Cursor;
import org.concord.store.Tables.IngestSource;
import org.concord.store.Tables.ObjectLabelLatest;
import org.concord.store.Tables.Orbit;
import org.concord.store.Tables.Satcat;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Object reads through a label filter: one object, paged lists, and the objects a caller sees at all. An object whose
 * newest orbit the caller may not see shows its newest visible orbit instead; what that takes is found once per
 * catalog version and filter.
 */
final class ObjectQueries {

    private static final Table<?> OBJ = Tables.SpaceObject.T;

    private final Database database;
    private final DSLContext dsl;
    private final RenderedQueries rendered;
    private final SatcatRows satcat;

    ObjectQueries(Database database, RenderedQueries rendered) {
        this.database = database;
        this.dsl = database.dsl();
        this.rendered = rendered;
        this.satcat = new SatcatRows(dsl);
    }

    /**
     * One statement as a rule. Unrestricted, or when the caller may see the object's newest orbit, the object as
     * stored; when this catalog view knows the newest is hidden from the caller, the object with its newest visible
     * orbit (known from the view) instead. Otherwise (a forbidden or missing object, or a change by another process
     * the view does not show yet) a second statement ranks the object's visible lanes.
     */
    Optional<SpaceObject> findObject(long noradId, LabelFilter filter) {
        Map<String, Object> object = Map.of("noradId", noradId);
        if (filter.unrestricted()) {
            return first(rendered.fetch("object", filter, object,
                    () -> objectSelect(OBJ, filter).where(Tables.SpaceObject.NORAD_ID.eq(noradIdParam()))));
        }
        Optional<Hidden> hidden = Optional.ofNullable(hiddenNewest(currentView(), filter).byObject().get(noradId));
        Optional<SpaceObject> found = hidden.isPresent()
                ? first(rendered.fetch("object by its newest visible orbit", filter,
                        Map.of("noradId", noradId, "orbitId", hidden.get().orbitId()),
                        () -> objectSelect(visibleOrbitAsObject(filter), filter)
                                .where(Tables.SpaceObject.NORAD_ID.eq(noradIdParam()))))
                : first(rendered.fetch("object showing its newest orbit", filter, object,
                        () -> objectSelect(OBJ, filter).where(Tables.SpaceObject.NORAD_ID.eq(noradIdParam()))
                                .and(newestVisible(filter))));
        return found.isPresent() ? found : newestVisibleLane(noradId, filter);
    }

    private Optional<SpaceObject> first(org.jooq.Result<Record> rows) {
        return rows.stream().findFirst().map(this::toObject);
    }

    /** The orbit of parameter {@code orbitId}, if the filter admits it, as its object in the shape of space_object. */
    private static Table<?> visibleOrbitAsObject(LabelFilter filter) {
        return DSL.select(Orbit.NORAD_ID.as("norad_id"), Orbit.OBJECT_NAME.as("name"),
                        Orbit.INTL_DESIGNATOR.as("intl_designator"), Orbit.ID.as("latest_orbit_id"))
                .from(Orbit.T).where(Orbit.ID.eq(DSL.param("orbitId", Long.class))).and(orbitVisible(filter))
                .asTable("space_object");
    }

    /**
     * The object with the newest orbit the filter admits, found by ranking its lanes (its newest orbit under each
     * label and kind, a few rows found by primary key) as the newest orbit is ranked. Its stored name and designator
     * belong to its newest orbit; another orbit brings its own.
     */
    private Optional<SpaceObject> newestVisibleLane(long noradId, LabelFilter filter) {
        return first(rendered.fetch("object with its newest visible lane", filter, Map.of("noradId", noradId),
                () -> newestVisibleLaneQuery(filter)));
    }

    private org.jooq.Select<Record> newestVisibleLaneQuery(LabelFilter filter) {
        Condition newestItself = ObjectLabelLatest.ORBIT_ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID);
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(Tables.SpaceObject.NORAD_ID);
        fields.add(DSL.when(newestItself, Tables.SpaceObject.NAME).otherwise(Orbit.OBJECT_NAME).as("name"));
        fields.add(DSL.when(newestItself, Tables.SpaceObject.INTL_DESIGNATOR).otherwise(Orbit.INTL_DESIGNATOR)
                .as("intl_designator"));
        fields.addAll(Arrays.asList(OrbitRows.orbitFields()));
        fields.addAll(Arrays.asList(SatcatRows.satcatFields()));
        return dsl.select(fields).from(OBJ)
                .join(ObjectLabelLatest.T).on(ObjectLabelLatest.NORAD_ID.eq(Tables.SpaceObject.NORAD_ID))
                .join(Orbit.T).on(Orbit.ID.eq(ObjectLabelLatest.ORBIT_ID))
                .join(IngestSource.T).on(IngestSource.ID.eq(Orbit.SOURCE_ID))
                .leftJoin(Satcat.T).on(satcatJoin(filter))
                .where(Tables.SpaceObject.NORAD_ID.eq(noradIdParam()))
                .and(ObjectLabelLatest.NORAD_ID.eq(noradIdParam()))
                .and(lane(ObjectLabelLatest.LABEL_ID, ObjectLabelLatest.DATA_KIND, filter))
                .orderBy(ObjectLabelLatest.EPOCH.desc(), ObjectLabelLatest.SOURCE_PRIORITY.desc(),
                        ObjectLabelLatest.ORBIT_ID.desc())
                .limit(1);
    }

    /**
     * Unrestricted, one query. Restricted, two: the objects whose newest orbit the caller may see, straight from
     * {@code space_object} (as fast as the unrestricted query), and the objects whose newest orbit is hidden from it
     * with their newest visible orbit instead (usually few); each sorted and cut to the page, then merged. Sorted by
     * name, where the database's collation decides the order, the two are merged in SQL instead.
     */
    Page<SpaceObject> findObjects(ObjectQuery q, LabelFilter filter) {
        Condition where = filters(q);
        Optional<List<Long>> only = q.noradIds().isEmpty() ? Optional.empty() : Optional.of(List.copyOf(q.noradIds()));
        Field<?> sortField = sortField(q.sort());
        Optional<Cursor> cursor = q.cursor().map(c -> Cursor.parse(c, q));
        Condition after = cursor.map(c -> beyond(sortField, c.value(), c.noradId(), q.descending()))
                .orElse(noCondition());
        List<SortField<?>> order = List.of(q.descending() ? sortField.desc() : sortField.asc(),
                q.descending() ? Tables.SpaceObject.NORAD_ID.desc() : Tables.SpaceObject.NORAD_ID.asc());
        CatalogView view = currentView();
        long total;
        List<SpaceObject> items;
        if (filter.unrestricted() || q.sort() == SortKey.NAME) {
            Table<?> source = filter.unrestricted() ? OBJ
                    : objects(filter, only, fallbackObjects(view, filter, only, h -> mayMatch(h, q)));
            total = countObjects(view, filter.unrestricted() ? "all" : "visible", () -> Optional.of(source), filter,
                    where);
            items = filter.unrestricted() ? firstObjects(q, view, cursor, filter, where.and(after), order)
                    : objectSelect(source, filter).where(where).and(after).orderBy(order).limit(q.limit() + 1)
                    .fetch().map(this::toObject);
        } else {
            Condition plain = newestVisible(filter);
            total = countObjects(view, "newest visible", () -> Optional.of(OBJ), filter, where.and(plain))
                    + countObjects(view, "newest hidden",
                    () -> fallbackObjects(view, filter, only, h -> mayMatch(h, q)), filter, where);
            List<SpaceObject> merged = new ArrayList<>(firstObjects(q, view, cursor, filter,
                    where.and(plain).and(after), order));
            // a full first part leaves room on the page only for the objects that sort before its last one; that and
            // the cursor bound the objects whose newest orbit is hidden to look up
            Condition before = noCondition();
            Optional<Object> lastValue = Optional.empty();
            if (merged.size() > q.limit()) {
                SpaceObject last = merged.get(q.limit());
                lastValue = Optional.of(sortValue(last, q.sort()));
                before = beyond(sortField, lastValue.get(), last.noradId(), !q.descending());
            }
            Optional<Object> low = q.descending() ? lastValue : cursor.map(Cursor::value);
            Optional<Object> high = q.descending() ? cursor.map(Cursor::value) : lastValue;
            Optional<Table<?>> fallback = fallbackObjects(view, filter, only, h -> mayMatch(h, q) && switch (q.sort()) {
                case NORAD_ID -> ObjectPaging.within(h.noradId(), low, high);
                case EPOCH -> ObjectPaging.within(h.epoch(), low.map(ObjectPaging::instant),
                        high.map(ObjectPaging::instant));
                case PERIGEE -> ObjectPaging.within(h.perigeeKm(), low, high);
                case APOGEE -> ObjectPaging.within(h.apogeeKm(), low, high);
                case INCLINATION -> ObjectPaging.within(h.inclinationDeg(), low, high);
                case PERIOD -> ObjectPaging.within(h.periodMinutes(), low, high);
                case NAME -> true;
            });
            if (fallback.isPresent()) {
                merged.addAll(objectSelect(fallback.get(), filter).where(where).and(after).and(before)
                        .orderBy(order).limit(q.limit() + 1).fetch().map(this::toObject));
            }
            merged.sort(pageOrder(q));
            items = merged.size() > q.limit() + 1 ? merged.subList(0, q.limit() + 1) : merged;
        }
        Optional<String> next = Optional.empty();
        if (items.size() > q.limit()) {
            items = items.subList(0, q.limit());
            next = Optional.of(cursorAfter(items.get(items.size() - 1), q.sort()));
        }
        return new Page<>(items, total, next);
    }

    /**
     * The first {@code limit + 1} objects of {@code space_object} (as stored, with their newest orbit) that match
     * {@code conditions}, in {@code order}. Unless sorted by name or restricted to objects named by catalog number,
     * the candidates come from this catalog view's
     * {@link ObjectIndex} in the page's order, and SQL is asked about a batch of them at a time (the first as large as
     * the page, each next one twice the one before, up to {@value #MAX_BATCH}) until the page is full; SQL checks every condition, the label
     * included. Beyond {@value #MAX_CANDIDATES} candidates, SQL searches the objects after the last one alone.
     */
    private List<SpaceObject> firstObjects(ObjectQuery q, CatalogView view, Optional<Cursor> cursor,
                                           LabelFilter filter, Condition conditions, List<SortField<?>> order) {
        int wanted = q.limit() + 1;
        // objects named by catalog number (the names of a page of conjunctions or re-entries) are read by primary
        // key: walking the index for them cost a pass over every object, and its build on the first such read after
        // a catalog change (seconds under load, on the first page of a console's conjunctions)
        Optional<ObjectIndex.Scan> scan = q.noradIds().isEmpty() ? objectIndex(view).candidates(q, cursor)
                : Optional.empty();
        if (scan.isEmpty()) {
            return objectSelect(OBJ, filter).where(conditions).orderBy(order).limit(wanted).fetch()
                    .map(this::toObject);
        }
        List<SpaceObject> found = new ArrayList<>();
        Optional<ObjectIndex.Candidate> last = Optional.empty();
        for (int size = Math.min(wanted, MAX_BATCH), asked = 0; found.size() < wanted && asked < MAX_CANDIDATES
                && !scan.get().exhausted(); size = Math.min(2 * size, MAX_BATCH)) {
            List<ObjectIndex.Candidate> batch = scan.get().next(size);
            if (batch.isEmpty()) {
                break;
            }
            asked += batch.size();
            last = Optional.of(batch.get(batch.size() - 1));
            found.addAll(objectSelect(OBJ, filter).where(conditions).and(idIn(Tables.SpaceObject.NORAD_ID,
                            batch.stream().map(ObjectIndex.Candidate::noradId).toList()))
                    .orderBy(order).limit(wanted - found.size()).fetch().map(this::toObject));
        }
        if (found.size() < wanted && !scan.get().exhausted()) {
            Condition after = last.map(c -> beyond(sortField(q.sort()), c.sortValue(), c.noradId(), q.descending()))
                    .orElse(noCondition());
            found.addAll(objectSelect(OBJ, filter).where(conditions).and(after)
                    .orderBy(order).limit(wanted - found.size()).fetch().map(this::toObject));
        }
        return found;
    }

    /** The candidates a page asks SQL about at most, and the most in one statement's list of ids. */
    private static final int MAX_CANDIDATES = 4000;
    private static final int MAX_BATCH = 1000;

    private ObjectIndex objectIndex(CatalogView view) {
        return cached(view.index(), view.catalogVersion(), () -> ObjectIndex.load(dsl));
    }

    /** The objects of {@code source} (none when empty; built only when the total is not known yet) matching. */
    private long countObjects(CatalogView view, String part, java.util.function.Supplier<Optional<Table<?>>> source,
                              LabelFilter filter, Condition where) {
        return cached(view.totals(), new CountKey(part, filter, dsl.renderInlined(where)),
                () -> source.get().map(table -> dsl.select(count()).from(table)
                        .join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                        .leftJoin(Satcat.T).on(satcatJoin(filter))
                        .where(where).fetchOne().value1().longValue()).orElse(0L));
    }

    /**
     * Whether an object whose newest orbit is hidden can match the query's name and conditions on orbits, as far as
     * the values kept for it tell (SQL checks every condition again): those that cannot are not looked up. A name
     * search used to look up every hidden object in the page's range, to find that none bore the name.
     */
    private static boolean mayMatch(Hidden h, ObjectQuery q) {
        return q.nameContains().map(term -> h.lowerName().contains(term.toLowerCase(Locale.ROOT))).orElse(true)
                && ObjectIndex.within(h.perigeeKm(), q.perigeeKm()) && ObjectIndex.within(h.apogeeKm(), q.apogeeKm())
                && ObjectIndex.within(h.inclinationDeg(), q.inclinationDeg())
                && ObjectIndex.within(h.periodMinutes(), q.periodMinutes())
                && q.maxEpochAge().map(age -> !h.epoch().isBefore(q.now().minus(age))).orElse(true);
    }

    /** A total: of which part of the objects, seen through which filter, matching which conditions. */
    private record CountKey(String part, LabelFilter filter, String where) {
    }

    /**
     * What object reads reuse while the catalog does not change: list totals (each a pass over every object it
     * counts) by their SQL, and for each filter the newest orbit it admits of every object whose newest orbit it
     * hides (found by an anti-join over all of them). {@code changesSeen} and {@code checkedAtNanos}: this process's
     * catalog changes when the version was last read, and when.
     */
    private record CatalogView(long catalogVersion, long changesSeen, long checkedAtNanos,
                               Map<CountKey, Long> totals, Map<LabelFilter, HiddenNewest> fallbacks,
                               Map<Long, ObjectIndex> index) {

        CatalogView(long catalogVersion, long changesSeen, long checkedAtNanos) {
            this(catalogVersion, changesSeen, checkedAtNanos, new java.util.concurrent.ConcurrentHashMap<>(),
                    new java.util.concurrent.ConcurrentHashMap<>(), new java.util.concurrent.ConcurrentHashMap<>());
        }

        CatalogView checked(long changes, long nanos) {
            return new CatalogView(catalogVersion, changes, nanos, totals, fallbacks, index);
        }
    }

    private volatile CatalogView view = new CatalogView(-1, -1, 0);

    /**
     * The view valid for the catalog as it is now: every change of what object reads show, by this process or
     * another, raises {@code catalog_state.version} in its transaction.
     */
    private CatalogView currentView() {
        CatalogView v = view;
        long now = System.nanoTime();
        long changes = database.catalogChangesHere();
        if (v.changesSeen() == changes && now - v.checkedAtNanos() < CatalogVersion.RECHECK_NANOS) {
            return v;
        }
        long version = CatalogVersion.read(dsl);
        v = v.catalogVersion() == version ? v.checked(changes, now) : new CatalogView(version, changes, now);
        view = v;
        return v;
    }

    private Condition satcatJoin(LabelFilter filter) {
        Condition join = Satcat.NORAD_ID.eq(Tables.SpaceObject.NORAD_ID);
        return filter.unrestricted() ? join : join.and(filterSql(filter).satcatAdmitted());
    }

    /**
     * A filter's conditions on every object read, rendered to SQL once: rendering their label lists on every request
     * was a good part of what the label check cost a list.
     */
    private record FilterSql(Condition newestVisible, Condition satcatAdmitted) {
    }

    private final Map<LabelFilter, FilterSql> filterSql = new java.util.concurrent.ConcurrentHashMap<>();

    private FilterSql filterSql(LabelFilter filter) {
        return cached(filterSql, filter, () -> new FilterSql(
                DSL.condition(dsl.renderInlined(newestVisibleCondition(filter))),
                DSL.condition(dsl.renderInlined(admitted(Satcat.LABEL_ID, filter, DataKind.ORBITS)))));
    }

    /**
     * The objects whose newest orbit the filter admits. The label is tested on each row rather than looked up in
     * {@code ix_object_latest_label} on H2, which otherwise walks that index for nearly every object and sorts them
     * all instead of reading them in the order a page asks for (lists 1.4-1.7x slower). PostgreSQL chooses by cost.
     */
    private Condition newestVisible(LabelFilter filter) {
        return filter.unrestricted() ? noCondition() : filterSql(filter).newestVisible();
    }

    private Condition newestVisibleCondition(LabelFilter filter) {
        Field<Long> label = isPostgres(dsl) ? Tables.SpaceObject.LATEST_LABEL_ID
                : Tables.SpaceObject.LATEST_LABEL_ID.plus(DSL.inline(0L));
        if (sameForBothKinds(filter)) {
            return admitted(label, filter, DataKind.ORBITS);
        }
        return Tables.SpaceObject.LATEST_DATA_KIND.eq(OrbitRows.ORBITS_LANE)
                .and(admitted(label, filter, DataKind.ORBITS))
                .or(Tables.SpaceObject.LATEST_DATA_KIND.eq(OrbitRows.EPHEMERIDES_LANE)
                        .and(admitted(label, filter, DataKind.EPHEMERIDES)));
    }

    /**
     * The objects a restricted caller sees, in the shape of {@code space_object}: those whose newest orbit it may see
     * as stored, and the others with their newest visible orbit (and that orbit's name and designator).
     */
    private Table<?> objects(LabelFilter filter, Optional<List<Long>> only, Optional<Table<?>> fallback) {
        Condition objects = only.map(ids -> idIn(Tables.SpaceObject.NORAD_ID, ids)).orElse(noCondition());
        var plain = DSL.select(new SelectField<?>[] {Tables.SpaceObject.NORAD_ID, Tables.SpaceObject.NAME,
                Tables.SpaceObject.INTL_DESIGNATOR, Tables.SpaceObject.LATEST_ORBIT_ID}).from(OBJ)
                .where(newestVisible(filter)).and(objects);
        return fallback.map(f -> plain.unionAll(DSL.select(DSL.asterisk()).from(f))).orElse(plain)
                .asTable("space_object");
    }

    /** {@link HiddenNewest#find} in this catalog view, found once per filter. */
    private HiddenNewest hiddenNewest(CatalogView view, LabelFilter filter) {
        return cached(view.fallbacks(), filter, () -> HiddenNewest.find(dsl, filter));
    }

    /**
     * The objects {@code only} names (all when empty) whose newest orbit the filter hides in this catalog view and
     * that {@code wanted} accepts, with their newest visible orbit; none when there are no such objects.
     */
    private Optional<Table<?>> fallbackObjects(CatalogView view, LabelFilter filter, Optional<List<Long>> only,
                                               java.util.function.Predicate<Hidden> wanted) {
        List<Hidden> objects = hiddenNewest(view, filter).objects().stream().filter(wanted)
                .filter(h -> only.map(ids -> ids.contains(h.noradId())).orElse(true)).toList();
        return objects.isEmpty() ? Optional.empty() : Optional.of(HiddenNewest.fallbackObjects(filter, objects));
    }

    private static Condition filters(ObjectQuery q) {
        Condition c = noCondition();
        if (!q.noradIds().isEmpty()) {
            c = c.and(idIn(Tables.SpaceObject.NORAD_ID, q.noradIds()));
        }
        if (q.internationalDesignator().isPresent()) {
            String d = q.internationalDesignator().get().toUpperCase(Locale.ROOT);
            c = c.and(d.endsWith("*") ? Tables.SpaceObject.INTL_DESIGNATOR.startsWith(d.substring(0, d.length() - 1))
                    : Tables.SpaceObject.INTL_DESIGNATOR.eq(d));
        }
        if (q.nameContains().isPresent()) {
            c = c.and(nameContains(q.nameContains().get()));
        }
        if (q.objectType().isPresent()) {
            c = c.and(Satcat.OBJECT_TYPE.equalIgnoreCase(q.objectType().get()));
        }
        if (q.owner().isPresent()) {
            c = c.and(Satcat.OWNER.in(OwnerCodes.ownerCodesOf(q.owner().get())));
        }
        c = c.and(range(Orbit.PERIGEE_KM, q.perigeeKm())).and(range(Orbit.APOGEE_KM, q.apogeeKm()))
                .and(range(Orbit.INCLINATION_DEG, q.inclinationDeg())).and(range(Orbit.PERIOD_MIN, q.periodMinutes()));
        if (q.maxEpochAge().isPresent()) {
            c = c.and(Orbit.EPOCH.ge(odt(q.now().minus(q.maxEpochAge().get()))));
        }
        return c;
    }

    /**
     * The name contains the term, case aside, wildcards taken literally. The pattern is a literal: H2 compiles a
     * pattern it cannot tell is constant (jOOQ's {@code contains} escapes a bound value in SQL) again for every row,
     * and PostgreSQL's trigram index needs the pattern at planning.
     */
    private static Condition nameContains(String term) {
        String escaped = term.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return lower(Tables.SpaceObject.NAME).like(DSL.inline("%" + escaped + "%"), '!');
    }

    private static Condition range(Field<Double> field, Range range) {
        Condition c = noCondition();
        if (range.min().isPresent()) {
            c = c.and(field.ge(range.min().get()));
        }
        if (range.max().isPresent()) {
            c = c.and(field.le(range.max().get()));
        }
        return c;
    }

    private org.jooq.SelectOnConditionStep<Record> objectSelect(Table<?> source, LabelFilter filter) {
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(Tables.SpaceObject.NORAD_ID);
        fields.add(Tables.SpaceObject.NAME);
        fields.add(Tables.SpaceObject.INTL_DESIGNATOR);
        fields.addAll(Arrays.asList(OrbitRows.orbitFields()));
        fields.addAll(Arrays.asList(SatcatRows.satcatFields()));
        return dsl.select(fields).from(source)
                .join(Orbit.T).on(Orbit.ID.eq(Tables.SpaceObject.LATEST_ORBIT_ID))
                .join(IngestSource.T).on(IngestSource.ID.eq(Orbit.SOURCE_ID))
                .leftJoin(Satcat.T).on(satcatJoin(filter));
    }

    private SpaceObject toObject(Record r) {
        OrbitRecord latest = OrbitRows.toOrbit(r);
        return new SpaceObject(r.get(Tables.SpaceObject.NORAD_ID), r.get(Tables.SpaceObject.NAME),
                Optional.ofNullable(r.get(Tables.SpaceObject.INTL_DESIGNATOR)), satcat.entry(r), Optional.of(latest));
    }

    /** The objects the filter admits, each with the newest orbit it admits as its latest. */
    Table<?> visibleObjects(LabelFilter filter) {
        // the objects whose newest orbit is hidden come from this catalog view's look-up (found once per filter)
        return filter.unrestricted() ? OBJ : objects(filter, Optional.empty(),
                fallbackObjects(currentView(), filter, Optional.empty(), h -> true));
    }
}
