package org.concord.orbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SourceFormat;
import org.junit.jupiter.api.Test;

/** Orbit regimes of real element sets (the bundled 2024-07 catalog) and the age of a result against its limit. */
class StalenessLimitsTest {

    private static final String NAVSTAR_70 = """
            1 39741U 14026A   24186.98989635 -.00000102  00000-0  00000-0 0  9999
            2 39741  56.7098 359.1778 0030899 316.4240  43.3424  2.00567096 74253
            """;
    private static final String GOES_10 = """
            1 24786U 97019A   24187.06253500 -.00000028  00000-0  00000-0 0  9997
            2 24786  12.2826  25.9895 0028515 216.1015 150.0633  0.99121268 99010
            """;
    private static final String MOLNIYA_2_9 = """
            1 07276U 74026A   24185.03951545  .00000089  00000-0  00000-0 0  9990
            2 07276  64.2924 126.2361 6447242 270.8128  21.2900  2.45097892267510
            """;

    private static OrbitRecord record(String tle) {
        return OrbitRecords.meanElements(tle);
    }

    @Test
    void regimesOfRealElementSets() {
        assertThat(OrbitRegime.of(record(OrbitRecords.ISS_TLE).summary())).isEqualTo(OrbitRegime.LEO);
        assertThat(OrbitRegime.of(record(NAVSTAR_70).summary())).isEqualTo(OrbitRegime.MEO);
        assertThat(OrbitRegime.of(record(GOES_10).summary())).isEqualTo(OrbitRegime.GEO);
        assertThat(OrbitRegime.of(record(MOLNIYA_2_9).summary())).isEqualTo(OrbitRegime.HEO);
    }

    @Test
    void theAgeIsTheLargestDistanceFromTheEpochOverTheSpanEitherWay() {
        OrbitRecord iss = record(OrbitRecords.ISS_TLE);
        Instant epoch = iss.epoch();
        StalenessLimits limits = StalenessLimits.DEFAULTS;

        ElementAge near = limits.assess(iss, epoch.minus(Duration.ofHours(1)), epoch.plus(Duration.ofDays(2)));
        assertThat(near.age()).isEqualTo(Duration.ofDays(2));
        assertThat(near.regime()).isEqualTo(OrbitRegime.LEO);
        assertThat(near.limit()).isEqualTo(Duration.ofDays(3));
        assertThat(near.stale()).isFalse();

        ElementAge before = limits.assess(iss, epoch.minus(Duration.ofDays(5)), epoch.minus(Duration.ofDays(4)));
        assertThat(before.age()).isEqualTo(Duration.ofDays(5));
        assertThat(before.stale()).isTrue();

        // the reproduction: the 2024-07 ISS elements used for 2026-12-03
        ElementAge late = limits.assess(iss, Instant.parse("2026-12-03T00:00:00Z"),
                Instant.parse("2026-12-03T01:00:00Z"));
        assertThat(late.stale()).isTrue();
        assertThat(late.age().toDays()).isEqualTo(880);
        assertThat(late.describe()).contains("880.4 days").contains("limit 3.0 days for LEO").contains("STALE");

        // a geostationary element set three weeks old is still within its limit
        OrbitRecord goes = record(GOES_10);
        assertThat(limits.assess(goes, goes.epoch().plus(Duration.ofDays(21))).stale()).isFalse();
        assertThat(limits.assess(goes, goes.epoch().plus(Duration.ofDays(31))).stale()).isTrue();
    }

    @Test
    void anEphemerisIsFreshInsideItsSpanAndAgesOutsideIt() {
        OrbitRecord iss = record(OrbitRecords.ISS_TLE);
        Instant start = Instant.parse("2024-07-05T00:00:00Z");
        Instant stop = Instant.parse("2024-07-06T00:00:00Z");
        OrbitRecord oem = new OrbitRecord(1, 25544, "ISS", Optional.empty(), start,
                SourceFormat.OEM_KVN.orbitKind(), SourceFormat.OEM_KVN, iss.summary(),
                Optional.of(new OrbitRecord.TimeSpan(start, stop)), false, "", "", iss.label(), iss.provenance(), 1);
        assertThat(StalenessLimits.DEFAULTS.assess(oem, start, stop).age()).isZero();
        assertThat(StalenessLimits.DEFAULTS.assess(oem, start.minusSeconds(60), stop.plusSeconds(30)).age())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new StalenessLimits(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
