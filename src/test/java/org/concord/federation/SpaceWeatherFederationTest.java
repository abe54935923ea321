package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.concord.product.Product;
import org.concord.product.ProductQuery;
import org.concord.spaceweather.AlertsKind;
import org.concord.spaceweather.IndicesKind;
import org.concord.spaceweather.SpaceWeatherAlert;
import org.concord.spaceweather.SpaceWeatherFiles;
import org.junit.jupiter.api.Test;

/**
 * Space weather shared between nodes under agreements of kind {@code space-weather}: USA (PostgreSQL) ingests SWPC's
 * alerts and a Kp series under TLP:AMBER releasable to USA and GBR only, and public Kp; GBR and AUS (H2) both have an
 * agreement. The AMBER alerts (SWPC's and those USA's node raised) reach GBR and are shown there only to the parties
 * the label names; AUS gets the public days and none of them.
 */
class SpaceWeatherFederationTest extends PartnersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAmberAlertFromAPartnerIsVisibleOnlyToThePartiesItsLabelNames() throws Exception {
        start(List.of("USA", "GBR", "AUS"), Set.of("USA"), Clock.systemUTC(), Map.of());
        Partners.Member usa = partners.get("USA");
        Partners.Member gbr = partners.get("GBR");
        Partners.Member aus = partners.get("AUS");
        usa.node.sharing().addAgreement(new SharingService.Terms("USA", SharingService.parseParties("GBR,AUS"),
                Set.of(IndicesKind.DATA_KIND), false, Instant.now().minusSeconds(60), Optional.empty()),
                TestNodes.TEST_ADMIN);
        Label amber = new Label("USA", Releasability.parse("REL TO GBR,USA"), Tlp.AMBER, new TreeSet<>(),
                Optional.empty());
        usa.node.ingestSpaceWeatherAudited("alerts.json", SpaceWeatherFiles.bytes("swpc-alerts.json"), amber, "test",
                "test", Optional.of("USA"));
        usa.node.ingestSpaceWeatherAudited("kp.json", SpaceWeatherFiles.bytes("swpc-kp-objects.json"), amber,
                "test", "test", Optional.of("USA"));
        usa.node.ingestSpaceWeatherAudited("f107.json", SpaceWeatherFiles.bytes("swpc-f107.json"),
                Label.publicFrom("USA"), "test", "test", Optional.of("USA"));
        List<Product<SpaceWeatherAlert>> atUsa = alerts(usa);
        assertThat(atUsa).as("SWPC's 9 messages and USA's G3, G4, G5 from the Kp series").hasSize(12);
        assertThat(atUsa.stream().filter(a -> a.value().origin().equals(SpaceWeatherAlert.NODE))
                .map(a -> a.value().code())).containsExactlyInAnyOrder("G3", "G4", "G5");

        gbr.pullFrom("USA");
        aus.pullFrom("USA");
        assertThat(alerts(gbr)).hasSize(12).allMatch(a -> a.label().equals(amber));
        assertThat(alerts(aus)).isEmpty();
        assertThat(days(aus)).as("the public flux days only").hasSize(3);
        assertThat(days(gbr)).hasSize(5);

        // at GBR, the alerts are shown to GBR's users, and to nobody else: not to an AUS user of GBR's node
        String gbrAnalyst = TestNodes.token(gbr.node, "GBR", Role.ANALYST);
        String ausAnalyst = TestNodes.token(gbr.node, "AUS", Role.ANALYST);
        assertThat(get(gbr, "/api/v1/space-weather/alerts?limit=100", gbrAnalyst).get("total").asLong())
                .isEqualTo(12);
        assertThat(get(gbr, "/api/v1/space-weather/alerts?limit=100", ausAnalyst).get("total").asLong()).isZero();
        assertThat(get(gbr, "/api/v1/space-weather/alerts?limit=100", null).get("total").asLong()).isZero();
        JsonNode series = get(gbr, "/api/v1/space-weather/kp?from=2024-05-10T00:00:00Z&to=2024-05-12T00:00:00Z",
                ausAnalyst);
        assertThat(series.get("kp")).as("the AMBER Kp days are not merged into what AUS sees").isEmpty();
        assertThat(series.get("f107ObsSfu")).hasSize(2);
        assertThat(get(gbr, "/api/v1/space-weather/kp?from=2024-05-10T00:00:00Z&to=2024-05-12T00:00:00Z",
                gbrAnalyst).get("kp")).hasSize(5);
    }

    private static List<Product<SpaceWeatherAlert>> alerts(Partners.Member m) {
        return m.node.products().list(AlertsKind.INSTANCE, ProductQuery.all(AlertsKind.INSTANCE, 1000),
                LabelFilter.UNRESTRICTED).items();
    }

    private static List<? extends Product<?>> days(Partners.Member m) {
        return m.node.products().list(IndicesKind.INSTANCE, ProductQuery.all(IndicesKind.INSTANCE, 1000),
                LabelFilter.UNRESTRICTED).items();
    }

    private static JsonNode get(Partners.Member m, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + " -> " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
