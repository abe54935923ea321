package org.concord.spaceweather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.TestNodes;
import org.concord.orbit.OrekitSetup;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.AnalyticalSolarPositionProvider;
import org.orekit.bodies.GeodeticPoint;
import org.orekit.bodies.OneAxisEllipsoid;
import org.orekit.data.DataSource;
import org.orekit.frames.FramesFactory;
import org.orekit.models.earth.atmosphere.DTM2000;
import org.orekit.models.earth.atmosphere.NRLMSISE00;
import org.orekit.models.earth.atmosphere.data.CssiSpaceWeatherData;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.utils.Constants;
import org.orekit.utils.IERSConventions;
import org.concord.formats.InputRejectedException;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space weather stored as products on every database Concord supports ({@link H2SpaceWeatherStoreTest},
 * {@link PostgresSpaceWeatherStoreTest}): the whole CelesTrak file with its audit entry, the alerts the node raises,
 * the merged reads, and SWPC's message lifecycle.
 */
abstract class SpaceWeatherStoreContract {

    @TempDir
    Path directory;

    TestDatabases.Handle handle;
    Node node;
    Label label;

    protected abstract TestDatabases.Handle newDatabase();

    @BeforeEach
    void open() {
        handle = newDatabase();
        node = TestNodes.open(directory, Map.of("CONCORD_DB_URL", handle.url(), "CONCORD_DB_USER", handle.user(),
                "CONCORD_DB_PASSWORD", handle.password()));
        label = node.ingest().labels().defaultLabel();
    }

    @AfterEach
    void close() {
        node.close();
        handle.close();
    }

    private SpaceWeatherReport ingest(String file) {
        return node.ingestSpaceWeatherAudited(file, SpaceWeatherFiles.bytes(file), label, "test", "test",
                Optional.empty());
    }

    @Test
    void theWholeCelestrakFileIsStoredOnceWithItsAuditEntryAndItsG5Alerts() {
        long auditBefore = node.audit().size();
        long start = System.nanoTime();
        SpaceWeatherReport report = ingest(SpaceWeatherFiles.SW_ALL);
        System.out.printf("%s: SW-All CSV ingested in %.2f s%n", getClass().getSimpleName(),
                (System.nanoTime() - start) / 1e9);
        assertThat(report.indicesStored()).isEqualTo(10_391);
        assertThat(node.audit().size()).isEqualTo(auditBefore + 1);
        assertThat(node.audit().entry(auditBefore).orElseThrow().event().subject())
                .isEqualTo("ingest space weather " + SpaceWeatherFiles.SW_ALL);
        assertThat(node.products().list(IndicesKind.INSTANCE, ProductQuery.all(IndicesKind.INSTANCE, 1),
                LabelFilter.UNRESTRICTED).total()).isEqualTo(10_391);

        List<Instant> g5 = node.products().list(AlertsKind.INSTANCE, new ProductQuery(Map.of("code", "G5"),
                AlertsKind.INSTANCE.sorts().get(2), 100, Optional.empty()), LabelFilter.UNRESTRICTED).items().stream()
                .map(p -> p.value().beginsAt().orElseThrow()).toList();
        assertThat(g5).containsExactly(Instant.parse("2000-07-15T18:00:00Z"), Instant.parse("2003-10-29T06:00:00Z"),
                Instant.parse("2003-10-30T18:00:00Z"), Instant.parse("2024-05-11T00:00:00Z"),
                Instant.parse("2024-05-11T09:00:00Z"));

        SpaceWeatherReport again = ingest(SpaceWeatherFiles.SW_ALL);
        assertThat(again.indicesStored()).isZero();
        assertThat(again.indicesUnchanged()).isEqualTo(10_391);
        assertThat(again.raised()).isEmpty();
    }

    @Test
    void readsTellObservedDailyPredictedAndMonthlyPredictedApart() {
        ingest(SpaceWeatherFiles.SW_ALL);
        SpaceWeatherService sw = node.spaceWeather();
        Conditions edge = sw.indices(Instant.parse("2026-04-26T00:00:00Z"), Instant.parse("2026-04-28T00:00:00Z"),
                LabelFilter.UNRESTRICTED);
        assertThat(edge.kp()).hasSize(16);
        assertThat(edge.kp().subList(0, 8)).allMatch(k -> k.status() == IndexStatus.OBSERVED);
        assertThat(edge.kp().subList(8, 16)).allMatch(k -> k.status() == IndexStatus.DAILY_PREDICTED);
        assertThat(edge.flux()).extracting(DailyFlux::status).containsExactly(IndexStatus.OBSERVED,
                IndexStatus.DAILY_PREDICTED);
        Conditions monthly = sw.indices(Instant.parse("2041-10-01T00:00:00Z"), Instant.parse("2041-10-02T00:00:00Z"),
                LabelFilter.UNRESTRICTED);
        assertThat(monthly.kp()).isEmpty();
        assertThat(monthly.flux()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(IndexStatus.MONTHLY_PREDICTED);
            assertThat(f.observedSfu()).isEqualTo(69.8);
        });
        Conditions storm = sw.indices(Instant.parse("2024-05-11T00:00:00Z"), Instant.parse("2024-05-11T06:00:00Z"),
                LabelFilter.UNRESTRICTED);
        assertThat(storm.kp()).extracting(KpInterval::kp, KpInterval::gScale).containsExactly(
                org.assertj.core.groups.Tuple.tuple(9.0, 5), org.assertj.core.groups.Tuple.tuple(8.3, 4));
    }

    @Test
    void aMeasurementReplacesAPredictionOfTheSameInterval() {
        ingest("swpc-kp-forecast.json");
        ingest("swpc-kp-objects.json");
        Conditions c = node.spaceWeather().indices(Instant.parse("2024-05-11T00:00:00Z"),
                Instant.parse("2024-05-11T15:00:00Z"), LabelFilter.UNRESTRICTED);
        assertThat(c.kp()).extracting(KpInterval::status).containsExactly(IndexStatus.OBSERVED,
                IndexStatus.OBSERVED, IndexStatus.ESTIMATED, IndexStatus.DAILY_PREDICTED,
                IndexStatus.DAILY_PREDICTED);
    }

    @Test
    void swpcMessagesAreStoredAndTheirLifecycleFollowed() {
        SpaceWeatherReport report = ingest("swpc-alerts.json");
        assertThat(report.messagesStored()).isEqualTo(9);
        List<AlertLifecycle.State> states = node.spaceWeather().alerts(Instant.parse("2024-05-01T00:00:00Z"),
                Instant.parse("2024-05-31T00:00:00Z"), LabelFilter.UNRESTRICTED);
        AlertLifecycle.State warning = states.stream().filter(s -> s.alert().serialNumber().getAsLong() == 4162)
                .findFirst().orElseThrow();
        assertThat(warning.endsAt()).contains(Instant.parse("2024-05-12T06:00:00Z"));
        AlertLifecycle.State watch = states.stream().filter(s -> s.alert().serialNumber().getAsLong() == 1001)
                .findFirst().orElseThrow();
        assertThat(watch.cancelledAt()).contains(Instant.parse("2024-05-10T10:00:00Z"));
        SpaceWeatherService.Now now = node.spaceWeather().now(Instant.parse("2024-05-11T02:30:00Z"),
                LabelFilter.UNRESTRICTED);
        assertThat(now.alertsInForce()).extracting(s -> s.alert().serialNumber().getAsLong())
                .contains(4162L, 800L).doesNotContain(1001L, 1900L);
        assertThat(now.highest('S')).isEqualTo(1);
        assertThat(now.highest('R')).isZero();
    }

    @Test
    void aBadFileStoresNothingAndLeavesNoAuditEntry() {
        long auditBefore = node.audit().size();
        byte[] bad = SpaceWeatherFiles.text(SpaceWeatherFiles.SW_ALL).replace("2024-05-11,2601,21,90,",
                "2024-05-11,2601,21,x,").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> node.ingestSpaceWeatherAudited("bad.csv", bad, label, "test", "test",
                Optional.empty())).isInstanceOf(InputRejectedException.class).hasMessageContaining("bad.csv:9448: KP1");
        assertThat(node.audit().size()).isEqualTo(auditBefore);
        assertThat(node.products().list(IndicesKind.INSTANCE, ProductQuery.all(IndicesKind.INSTANCE, 1),
                LabelFilter.UNRESTRICTED).total()).isZero();
    }

    @Test
    void readsShowOnlyWhatTheCallersLabelFilterAdmits() {
        ingest("swpc-alerts.json");
        LabelFilter nobody = new LabelFilter(false, 0, java.util.Set.of(), Map.of(), Map.of());
        assertThat(node.spaceWeather().alerts(Instant.parse("2024-05-01T00:00:00Z"),
                Instant.parse("2024-05-31T00:00:00Z"), nobody)).isEmpty();
        List<Product<SpaceWeatherAlert>> visible = node.products().list(AlertsKind.INSTANCE,
                ProductQuery.all(AlertsKind.INSTANCE, 100), nobody).items();
        assertThat(visible).isEmpty();
    }

    @Test
    void orekitComputesTheSameDensityFromTheStoreAsFromTheCssiFileItself() {
        ingest(SpaceWeatherFiles.CSSI);
        TimeScale utc = OrekitSetup.get().timeScales().getUTC();
        CssiSpaceWeatherData fromStore = node.spaceWeather().orekitData(LabelFilter.UNRESTRICTED, utc);
        byte[] file = SpaceWeatherFiles.bytes(SpaceWeatherFiles.CSSI);
        CssiSpaceWeatherData fromFile = new CssiSpaceWeatherData(new DataSource(SpaceWeatherFiles.CSSI,
                () -> new ByteArrayInputStream(file)), utc);
        OneAxisEllipsoid earth = new OneAxisEllipsoid(Constants.WGS84_EARTH_EQUATORIAL_RADIUS,
                Constants.WGS84_EARTH_FLATTENING, FramesFactory.getITRF(IERSConventions.IERS_2010, true));
        AnalyticalSolarPositionProvider sun = new AnalyticalSolarPositionProvider();
        List<NRLMSISE00> msis = List.of(new NRLMSISE00(fromStore, sun, earth), new NRLMSISE00(fromFile, sun, earth));
        List<DTM2000> dtm = List.of(new DTM2000(fromStore, sun, earth), new DTM2000(fromFile, sun, earth));
        // observed (quiet, the 2003 storm), daily predicted and monthly predicted days of the file
        for (String time : List.of("1985-03-01T06:00:00Z", "2003-10-30T19:30:00Z", "2020-12-10T13:45:00Z",
                "2023-07-16T02:00:00Z")) {
            AbsoluteDate date = new AbsoluteDate(java.util.Date.from(Instant.parse(time)), utc);
            for (double latitude : new double[] {-50, 0, 35}) {
                Vector3D position = earth.transform(new GeodeticPoint(Math.toRadians(latitude),
                        Math.toRadians(latitude * 3), 400_000));
                double expected = msis.get(1).getDensity(date, position, earth.getBodyFrame());
                assertThat(expected).as(time).isPositive();
                assertThat(msis.get(0).getDensity(date, position, earth.getBodyFrame())).as("NRLMSISE-00 " + time)
                        .isEqualTo(expected);
                assertThat(dtm.get(0).getDensity(date, position, earth.getBodyFrame())).as("DTM2000 " + time)
                        .isEqualTo(dtm.get(1).getDensity(date, position, earth.getBodyFrame()));
            }
        }
    }

    @Test
    void anElementSetOfBeforeAStormsEndIsStaleAfterIt() {
        ingest(SpaceWeatherFiles.SW_ALL);
        SpaceWeatherService sw = node.spaceWeather();
        Storm may2024 = new Storm(Instant.parse("2024-05-10T15:00:00Z"), Instant.parse("2024-05-12T00:00:00Z"), 5,
                false);
        Storm after = new Storm(Instant.parse("2024-05-12T03:00:00Z"), Instant.parse("2024-05-12T06:00:00Z"), 3,
                false);
        assertThat(sw.storms(Instant.parse("2024-05-09T00:00:00Z"), Instant.parse("2024-05-14T00:00:00Z"),
                LabelFilter.UNRESTRICTED).storms()).containsExactly(may2024, after);
        Instant epoch = Instant.parse("2024-05-10T12:00:00Z");
        assertThat(sw.staleAfterStorm(epoch, Instant.parse("2024-05-10T14:00:00Z"), LabelFilter.UNRESTRICTED)
                .storms()).as("before the storm began").isEmpty();
        assertThat(sw.staleAfterStorm(epoch, Instant.parse("2024-05-11T00:00:00Z"), LabelFilter.UNRESTRICTED)
                .storms()).as("during it").containsExactly(may2024);
        assertThat(sw.staleAfterStorm(Instant.parse("2024-05-11T20:00:00Z"), Instant.parse("2024-05-13T00:00:00Z"),
                LabelFilter.UNRESTRICTED).storms()).as("fitted during the storm, the latest storm it did not see")
                .containsExactly(after);
        assertThat(sw.staleAfterStorm(Instant.parse("2024-05-12T07:00:00Z"), Instant.parse("2024-05-20T00:00:00Z"),
                LabelFilter.UNRESTRICTED).storms()).as("fitted after both").isEmpty();
        assertThat(sw.staleAfterStorm(Instant.parse("2019-06-01T00:00:00Z"), Instant.parse("2019-06-08T00:00:00Z"),
                LabelFilter.UNRESTRICTED).storms()).as("a quiet week").isEmpty();
    }
}
