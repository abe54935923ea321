package org.concord.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.access.Party;
import org.concord.access.PartyKind;
import org.concord.catalog.ObjectQuery;
import org.concord.catalog.Page;
import org.concord.catalog.SpaceObject;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.label.Tlp;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.reentry.ReentryOutcome;
import org.concord.reentry.ReentryPrediction;
import org.concord.spaceweather.DailyIndices;
import org.concord.spaceweather.IndicesKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's first start on an empty data directory with the bundled sample data: it registers its own party, says what
 * it loads and how many objects, and the bundled SATCAT knows the owner and type of most of the bundled catalog.
 */
class FirstStartTest {

    @TempDir
    static Path dataDirectory;
    private static Node node;
    private static final List<String> PROGRESS = new ArrayList<>();
    private static List<SpaceObject> objects;

    @BeforeAll
    static void firstStart() {
        node = Node.open(NodeConfig.load(dataDirectory, Optional.empty(), Map.of("CONCORD_NODE_PARTY", "GBR")));
        assertThat(node.loadSampleCatalogIfEmpty(PROGRESS::add)).isPresent();
        objects = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<SpaceObject> page = node.catalog().findObjects(query(Optional.empty(), cursor),
                    LabelFilter.UNRESTRICTED);
            objects.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
    }

    @AfterAll
    static void close() {
        node.close();
    }

    private static ObjectQuery query(Optional<String> owner, Optional<String> cursor) {
        return new ObjectQuery(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), owner,
                ObjectQuery.Range.ANY, ObjectQuery.Range.ANY, ObjectQuery.Range.ANY, ObjectQuery.Range.ANY,
                Optional.empty(), Instant.now(), ObjectQuery.SortKey.NORAD_ID, false, ObjectQuery.MAX_LIMIT, cursor);
    }

    @Test
    void theNodesOwnPartyIsRegisteredOnFirstOpenAndOnlyOnce() {
        Party own = node.sharing().parties().stream().filter(p -> p.code().equals("GBR")).findFirst().orElseThrow();
        assertThat(own.kind()).isEqualTo(PartyKind.NATION);
        assertThat(own.name()).isEqualTo("United Kingdom");
        assertThat(node.sharing().registerNodeParty()).isEmpty();
        assertThat(node.sharing().parties()).filteredOn(p -> p.code().equals("GBR")).hasSize(1);
    }

    @Test
    void aNodePartyThatIsNoCountryIsRegisteredAsAnOperator(@TempDir Path other) {
        try (Node local = Node.open(NodeConfig.load(other, Optional.empty(), Map.of("CONCORD_SAMPLE_LOAD", "false")))) {
            assertThat(local.sharing().parties()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("LOCAL");
                assertThat(p.kind()).isEqualTo(PartyKind.OPERATOR);
            });
        }
        try (Node again = Node.open(NodeConfig.load(other, Optional.empty(), Map.of("CONCORD_SAMPLE_LOAD", "false")))) {
            assertThat(again.sharing().parties()).hasSize(1);
        }
    }

    @Test
    void firstStartSaysWhatItLoadsAndHowMany() {
        assertThat(PROGRESS).anySatisfy(line -> assertThat(line).startsWith("loading the bundled SATCAT")
                .contains("59,002 objects"));
        assertThat(PROGRESS).anySatisfy(line -> assertThat(line).startsWith("loading the bundled catalog")
                .contains("26,389 objects"));
        assertThat(PROGRESS).anySatisfy(line -> assertThat(line)
                .matches("  bundled:full_catalog_3le_2024-07_26389obj.txt \\(TLE\\): 26389 stored, .* in [0-9.]+ s"));
    }

    /**
     * Measured when the bundled SATCAT was built (scripts/build-sample-satcat): owner known for 89.7 % and type for
     * 92.7 % of the bundled catalog, against 63.4 % and 63.3 % with the Space-Track SATCAT of 2021 alone.
     */
    @Test
    void theBundledSatcatKnowsTheOwnerAndTypeOfMostOfTheBundledCatalog() {
        assertThat(objects).hasSize(26_389);
        long ownerKnown = objects.stream().filter(o -> o.satcat().flatMap(SpaceObject.SatcatEntry::ownerParty)
                .isPresent()).count();
        long typeKnown = objects.stream().filter(o -> o.satcat().filter(s -> !s.unknownFields()
                .contains("objectType")).isPresent()).count();
        assertThat(ownerKnown / 26_389.0).isGreaterThan(0.895);
        assertThat(typeKnown / 26_389.0).isGreaterThan(0.925);
    }

    @Test
    void everyFieldOfAMergedEntrySaysWhereItCameFrom() {
        SpaceObject.SatcatEntry iss = node.catalog().findObject(25544, LabelFilter.UNRESTRICTED).orElseThrow()
                .satcat().orElseThrow();
        assertThat(iss.ownerParty()).contains("ISS");
        assertThat(iss.sourceOf("owner")).isEqualTo("spacetrack-satcat-2021-01-19");
        assertThat(iss.sourceOf("rcsSize")).isEqualTo("mizuba-2025-01");
        assertThat(iss.unknownFields()).isEmpty();
        // STARLINK-3004, launched after the 2021 SATCAT: type and owner from its name family, no launch date known
        SpaceObject.SatcatEntry starlink = node.catalog().findObject(48880, LabelFilter.UNRESTRICTED).orElseThrow()
                .satcat().orElseThrow();
        assertThat(starlink.objectType()).isEqualTo("PAYLOAD");
        assertThat(starlink.ownerParty()).contains("USA");
        assertThat(starlink.sourceOf("owner")).isEqualTo("inferred-from-name");
        assertThat(starlink.unknownFields()).contains("launchDate", "launchSite");
    }

    @Test
    void ownerFiltersTakePartyCodesMapSatcatCodesAndRefuseTheRest() {
        long usa = node.catalog().findObjects(query(Optional.of("USA"), Optional.empty()), LabelFilter.UNRESTRICTED)
                .total();
        long us = node.catalog().findObjects(query(Optional.of("us"), Optional.empty()), LabelFilter.UNRESTRICTED)
                .total();
        long china = node.catalog().findObjects(query(Optional.of("CHN"), Optional.empty()), LabelFilter.UNRESTRICTED)
                .total();
        assertThat(usa).isGreaterThan(5_000).isEqualTo(us);
        assertThat(china).isGreaterThan(1_000);
        assertThat(node.catalog().findObjects(query(Optional.of("RUS"), Optional.empty()), LabelFilter.UNRESTRICTED)
                .total()).isEqualTo(node.catalog().findObjects(query(Optional.of("CIS"), Optional.empty()),
                LabelFilter.UNRESTRICTED).total()).isGreaterThan(1_000);
        assertThatThrownBy(() -> query(Optional.of("BOGUS"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown owner 'BOGUS'")
                .hasMessageContaining("USA").hasMessageContaining("CHN");
        assertThatThrownBy(() -> query(Optional.of("TBD"), Optional.empty()))
                .hasMessageContaining("the SATCAT's code for an unknown owner");
    }

    /**
     * A fresh node holds space weather: the bundled CelesTrak file, labelled as the bundled catalog is (PUBLIC
     * TLP:CLEAR), so that a prediction of a decaying object of the bundled catalog gives an epoch without any ingest.
     * Object 5103 (debris of 1971, mean motion 16.38 rev/day on 2024-06-29) is one of the lowest of the catalog.
     */
    @Test
    void aFreshNodePredictsTheReentryOfADecayingObjectOfTheBundledCatalog() {
        assertThat(PROGRESS).anySatisfy(line -> assertThat(line).startsWith("loading the bundled space weather")
                .contains("10,391 days"));
        List<Product<DailyIndices>> days = node.products().listAll(IndicesKind.INSTANCE,
                ProductQuery.all(IndicesKind.INSTANCE, ProductQuery.MAX_LIMIT), LabelFilter.UNRESTRICTED);
        assertThat(days).hasSize(10_391);
        assertThat(days).allSatisfy(d -> {
            assertThat(d.label()).isEqualTo(Label.publicFrom("GBR"));
            assertThat(d.label().tlp()).isEqualTo(Tlp.CLEAR);
        });

        Product<ReentryPrediction> predicted = node.reentries().predict(5103).orElseThrow();
        ReentryPrediction p = predicted.value();
        assertThat(p.outcome()).as(p.statement()).isEqualTo(ReentryOutcome.WINDOW);
        assertThat(p.nominal()).hasValueSatisfying(epoch -> assertThat(epoch)
                .isAfter(p.basisEpoch()).isBefore(p.basisEpoch().plus(Duration.ofDays(30))));
        assertThat(p.spaceWeatherSource()).startsWith("this node's space weather indices");
        assertThat(predicted.inputs()).anySatisfy(input -> assertThat(input.role()).startsWith("space-weather-"));
        assertThat(predicted.label()).isEqualTo(Label.publicFrom("GBR"));
    }
}
