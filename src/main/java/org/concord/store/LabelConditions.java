package org.concord.store;

import static org.jooq.impl.DSL.noCondition;

import java.util.Set;

import org.concord.catalog.OrbitKind;
import org.concord.label.DataKind;
import org.concord.label.LabelFilter;
import org.concord.store.Tables.Orbit;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The label filter as SQL conditions: which rows of each kind of data a caller may see. */
final class LabelConditions {

    private LabelConditions() {
    }

    /** The rows whose label (in {@code field}) the filter admits for this kind of data. */
    static Condition admitted(Field<Long> field, LabelFilter filter, DataKind kind) {
        if (filter.unrestricted()) {
            return noCondition();
        }
        if (filter.seesAllKnown(kind)) {
            return field.le(filter.knownUpTo());
        }
        Set<Long> ids = filter.idsFor(kind);
        return ids.isEmpty() ? DSL.falseCondition() : field.in(ids);
    }

    /**
     * The rows whose label the filter hides for this kind: the known labels it does not admit, and any label stored
     * after the decision (which it does not admit either).
     */
    static Condition hidden(Field<Long> field, LabelFilter filter, DataKind kind) {
        if (filter.unrestricted()) {
            return DSL.falseCondition();
        }
        Condition newer = field.gt(filter.knownUpTo());
        if (filter.seesAllKnown(kind)) {
            return newer;
        }
        Set<Long> ids = filter.hiddenIdsFor(kind);
        return ids.isEmpty() ? newer : field.in(ids).or(newer);
    }

    /** The orbit records the filter admits: an OEM by its label's release as an ephemeris, the rest as orbits. */
    static Condition orbitVisible(LabelFilter filter) {
        if (filter.unrestricted()) {
            return noCondition();
        }
        if (sameForBothKinds(filter)) {
            return admitted(Orbit.LABEL_ID, filter, DataKind.ORBITS);
        }
        return Orbit.ORBIT_KIND.ne(OrbitKind.EPHEMERIS.name()).and(admitted(Orbit.LABEL_ID, filter, DataKind.ORBITS))
                .or(Orbit.ORBIT_KIND.eq(OrbitKind.EPHEMERIS.name())
                        .and(admitted(Orbit.LABEL_ID, filter, DataKind.EPHEMERIDES)));
    }

    /**
     * Whether the filter admits the same labels for orbits as for ephemerides: then the conditions on an orbit's kind
     * drop out (evaluated on every row of a list they cost more than the label test itself).
     */
    static boolean sameForBothKinds(LabelFilter filter) {
        return filter.seesAllKnown(DataKind.ORBITS) == filter.seesAllKnown(DataKind.EPHEMERIDES)
                && filter.idsFor(DataKind.ORBITS).equals(filter.idsFor(DataKind.EPHEMERIDES));
    }

    /** An object's orbit lane (its newest orbit under one label and kind) that the filter admits. */
    static Condition lane(Field<Long> labelId, Field<String> dataKind, LabelFilter filter) {
        if (sameForBothKinds(filter)) {
            return admitted(labelId, filter, DataKind.ORBITS);
        }
        return dataKind.eq(OrbitRows.ORBITS_LANE).and(admitted(labelId, filter, DataKind.ORBITS))
                .or(dataKind.eq(OrbitRows.EPHEMERIDES_LANE).and(admitted(labelId, filter, DataKind.EPHEMERIDES)));
    }
}
