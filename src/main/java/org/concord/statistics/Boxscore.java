package org.concord.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.concord.catalog.CatalogScan;
import org.concord.catalog.ObjectFacts;
import org.concord.catalog.OwnerCodes;
import org.concord.label.LabelFilter;
import org.concord.orbit.OrbitRegime;
import org.concord.orbit.StalenessLimits;

/**
 * The objects a caller may see at {@code at}, counted: by owner (its party code, docs/satcat.md), by SATCAT object
 * type, by orbit regime of the newest orbit record, on orbit or decayed, and by the age of the newest orbit record's
 * newest state. Each count says what it could not place: owners unknown, objects without a SATCAT entry (no type,
 * no status) or without an orbit record (no regime, no age). An object is counted once in each breakdown.
 *
 * @param objects        every object counted: those with an orbit record the caller sees, and those known to it only
 *                       by a SATCAT entry
 * @param byOwner        objects per owner party code; {@code ownerUnknown} the rest (no SATCAT entry, or an owner the
 *                       SATCAT does not know)
 * @param byObjectType   objects per SATCAT object type; {@code withoutSatcat} the objects without an entry
 * @param byRegime       objects with an orbit record per regime; {@code withoutOrbit} those without one
 * @param onOrbit        objects whose SATCAT entry records no decay on or before {@code at}'s date
 * @param decayed        objects whose SATCAT entry records a decay on or before {@code at}'s date
 * @param elementSetAge  objects with an orbit record per age band of its newest state, youngest first
 * @param stale          objects whose orbit record is older than its regime's staleness limit (docs/staleness.md)
 */
public record Boxscore(Instant at, long objects, SortedMap<String, Long> byOwner, long ownerUnknown,
                       SortedMap<String, Long> byObjectType, long withoutSatcat, Map<OrbitRegime, Long> byRegime,
                       long withoutOrbit, long onOrbit, long decayed, List<AgeBand> elementSetAge, long stale) {

    /** The upper bounds of the age bands; the last band is open. */
    public static final List<Duration> AGE_BOUNDS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(30));

    /** Objects whose newest state is at least {@code from} and less than {@code to} old (no upper bound: empty). */
    public record AgeBand(Duration from, java.util.Optional<Duration> to, long objects) {
    }

    public Boxscore {
        byOwner = Collections.unmodifiableSortedMap(new TreeMap<>(byOwner));
        byObjectType = Collections.unmodifiableSortedMap(new TreeMap<>(byObjectType));
        byRegime = Collections.unmodifiableMap(new EnumMap<>(byRegime));
        elementSetAge = List.copyOf(elementSetAge);
    }

    /** Counts what {@code filter} admits of the catalog, one object at a time. */
    public static Boxscore of(CatalogScan catalog, LabelFilter filter, Instant at, StalenessLimits limits) {
        Tally tally = new Tally(at, limits);
        catalog.eachObject(filter, tally::add);
        return tally.boxscore();
    }

    private static final class Tally {
        private final Instant at;
        private final LocalDate day;
        private final StalenessLimits limits;
        private long objects;
        private final SortedMap<String, Long> byOwner = new TreeMap<>();
        private long ownerUnknown;
        private final SortedMap<String, Long> byObjectType = new TreeMap<>();
        private long withoutSatcat;
        private final Map<OrbitRegime, Long> byRegime = new EnumMap<>(OrbitRegime.class);
        private long withoutOrbit;
        private long onOrbit;
        private long decayed;
        private final long[] ages = new long[AGE_BOUNDS.size() + 1];
        private long stale;

        Tally(Instant at, StalenessLimits limits) {
            this.at = at;
            this.day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            this.limits = limits;
            for (OrbitRegime regime : OrbitRegime.values()) {
                byRegime.put(regime, 0L);
            }
        }

        void add(ObjectFacts facts) {
            objects++;
            facts.satcat().ifPresentOrElse(satcat -> {
                satcat.owner().flatMap(OwnerCodes::partyOf).ifPresentOrElse(
                        party -> byOwner.merge(party, 1L, Long::sum), () -> ownerUnknown++);
                byObjectType.merge(satcat.objectType(), 1L, Long::sum);
                if (satcat.decayDate().filter(decay -> !decay.isAfter(day)).isPresent()) {
                    decayed++;
                } else {
                    onOrbit++;
                }
            }, () -> {
                ownerUnknown++;
                withoutSatcat++;
            });
            facts.orbit().ifPresentOrElse(orbit -> {
                OrbitRegime regime = OrbitRegime.of(orbit.summary());
                byRegime.merge(regime, 1L, Long::sum);
                Duration age = Duration.between(orbit.newestState(), at);
                age = age.isNegative() ? Duration.ZERO : age;
                int band = 0;
                while (band < AGE_BOUNDS.size() && age.compareTo(AGE_BOUNDS.get(band)) >= 0) {
                    band++;
                }
                ages[band]++;
                if (age.compareTo(limits.limit(regime)) > 0) {
                    stale++;
                }
            }, () -> withoutOrbit++);
        }

        Boxscore boxscore() {
            List<AgeBand> bands = new ArrayList<>();
            for (int i = 0; i < ages.length; i++) {
                bands.add(new AgeBand(i == 0 ? Duration.ZERO : AGE_BOUNDS.get(i - 1),
                        i < AGE_BOUNDS.size() ? java.util.Optional.of(AGE_BOUNDS.get(i)) : java.util.Optional.empty(),
                        ages[i]));
            }
            return new Boxscore(at, objects, byOwner, ownerUnknown, byObjectType, withoutSatcat, byRegime,
                    withoutOrbit, onOrbit, decayed, bands, stale);
        }
    }
}
