package org.concord.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.concord.audit.AuditAction;
import org.concord.audit.AuditEntry;
import org.concord.catalog.OrbitRecord;
import org.concord.label.DataKind;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.concord.product.Product;
import org.concord.product.ProductInput;
import org.concord.product.ProductKind;
import org.concord.product.ProductQuery;
import org.concord.product.TestKinds;
import org.concord.product.TestKinds.Flag;
import org.concord.product.TestKinds.Note;
import org.concord.product.TestKinds.Remark;
import org.junit.jupiter.api.Test;

/**
 * Two product kinds registered in test code only ({@link TestKinds}: one with its own label, one derived from an orbit
 * record), with no other change to the node: stored, listed with keyset paging and filters, filtered by label in SQL,
 * read-audited by the framework, recalled with their input, federated only where allowed, and held by a partner that
 * does not serve them until it does. USA serves them on PostgreSQL, GBR on H2; AUS does not serve them at first.
 */
class ProductKindExtensionTest extends PartnersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    private static Label label(String releasability, Tlp tlp) {
        return new Label("USA", Releasability.parse(releasability), tlp, new TreeSet<>(), Optional.empty());
    }

    private static JsonNode get(Partners.Member m, String path, String token, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + " -> " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** Every item of a list route, following nextCursor page by page. */
    private static List<Long> allPages(Partners.Member m, String path, String token) throws Exception {
        List<Long> ids = new ArrayList<>();
        String cursor = "";
        long total = -1;
        do {
            JsonNode page = get(m, path + (path.contains("?") ? "&" : "?") + "limit=2" + cursor, token, 200);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
            total = page.get("total").asLong();
            cursor = page.get("nextCursor").isNull() ? "" : "&cursor=" + page.get("nextCursor").asText();
        } while (!cursor.isEmpty());
        assertThat(ids).as(path).hasSize((int) total).doesNotHaveDuplicates();
        return ids;
    }

    private static <T> List<Product<T>> held(Partners.Member m, ProductKind<T> kind) {
        return m.node.products().list(kind, ProductQuery.all(kind, 1000), LabelFilter.UNRESTRICTED).items();
    }

    private static Product<Note> note(String subject, int hour, double level, Label label) {
        return Product.of(new Note(subject, T0.plusSeconds(3600L * hour), level), label, List.of());
    }

    @Test
    void aKindRegisteredInTestCodeIsStoredListedAuditedRecalledFederatedAndHeldWhereUnknown() throws Exception {
        start(List.of("USA", "GBR", "AUS"), Set.of("USA"), Set.of("USA", "GBR"), Clock.systemUTC(), Map.of());
        Partners.Member usa = partners.get("USA");
        Partners.Member gbr = partners.get("GBR");
        Partners.Member aus = partners.get("AUS");
        Set<DataKind> kinds = Set.of(DataKind.ORBITS, TestKinds.NOTES.dataKind(), TestKinds.DERIVED.dataKind());
        assertThat(usa.node.sharing().kinds().all()).containsAll(kinds);
        assertThat(aus.node.sharing().kinds().all()).doesNotContain(TestKinds.NOTES.dataKind());
        usa.node.sharing().addAgreement(new SharingService.Terms("USA", SharingService.parseParties("GBR,AUS"),
                kinds, false, Instant.now().minusSeconds(60), Optional.empty()), TestNodes.TEST_ADMIN);

        // stored: notes with their own labels; remarks derived from an orbit record each
        List<String> tles = Partners.tles();
        usa.ingest("shared.tle", tles.subList(0, 1), label("REL TO AUS,GBR,USA", Tlp.GREEN));
        usa.ingest("usa-only.tle", tles.subList(1, 2), label("REL TO USA", Tlp.AMBER));
        OrbitRecord shared = usa.orbits().stream().filter(o -> o.label().releasability().parties().contains("GBR"))
                .findFirst().orElseThrow();
        OrbitRecord usaOnly = usa.orbits().stream().filter(o -> !o.label().releasability().parties()
                .contains("GBR")).findFirst().orElseThrow();
        Label toPartners = label("REL TO AUS,GBR,USA", Tlp.GREEN);
        List<Product<Note>> notes = usa.node.productService().store(TestKinds.NOTES, List.of(
                note("alpha", 1, 3, toPartners), note("beta", 2, 5, label("REL TO USA", Tlp.AMBER)),
                note("gamma", 3, 7, toPartners), note("delta", 4, 2, toPartners), note("alpha", 5, 9, toPartners)),
                "USA");
        assertThat(notes).hasSize(5).allMatch(n -> n.id() > 0);
        List<Product<Remark>> remarks = usa.node.productService().store(TestKinds.DERIVED, List.of(
                Product.of(new Remark(shared.noradId(), "shared input"), Label.publicFrom("USA"),
                        List.of(new ProductInput(TestKinds.ORBIT_ROLE, DataKind.ORBITS, shared.id()))),
                Product.of(new Remark(usaOnly.noradId(), "restricted input"), Label.publicFrom("USA"),
                        List.of(new ProductInput(TestKinds.ORBIT_ROLE, DataKind.ORBITS, usaOnly.id())))), "USA");
        assertThat(remarks.get(1).label().releasability()).as("a derived label combines its inputs'")
                .isEqualTo(Releasability.parse("REL TO USA"));
        // restated onto the other orbit record and back: the link of the role follows, and the label with it
        for (OrbitRecord input : List.of(usaOnly, shared)) {
            Product<Remark> restated = usa.node.productService().restate(TestKinds.DERIVED, List.of(new Product<>(
                    remarks.get(0).id(), Optional.empty(), Label.publicFrom("USA"),
                    List.of(new ProductInput(TestKinds.ORBIT_ROLE, DataKind.ORBITS, input.id())),
                    remarks.get(0).value())), "USA").getFirst();
            assertThat(restated.label()).isEqualTo(input == shared ? remarks.get(0).label() : remarks.get(1).label());
            assertThat(usa.node.products().find(TestKinds.DERIVED, remarks.get(0).id(), LabelFilter.UNRESTRICTED)
                    .orElseThrow().inputs()).extracting(ProductInput::id).containsExactly(input.id());
        }
        assertThatThrownBy(() -> usa.node.productService().store(TestKinds.NOTES,
                List.of(note("x".repeat(300), 6, 1, toPartners)), "USA")).as("a subject longer than its column")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be stored");
        assertThat(held(usa, TestKinds.NOTES)).as("nothing stored by the refusal").hasSize(5);
        List<Long> toGbr = List.of(notes.get(0).id(), notes.get(2).id(), notes.get(3).id(), notes.get(4).id());
        // a second kind under the same data kind: its own routes, links and lane, released by the same agreement
        List<Product<Flag>> flags = usa.node.productService().store(TestKinds.FLAGS, List.of(
                Product.of(new Flag("alpha"), toPartners, List.of()),
                Product.of(new Flag("beta"), label("REL TO USA", Tlp.AMBER), List.of())), "USA");

        // listed with keyset paging, the label filter in SQL (items and totals), the kind's filters and orders
        String gbrAnalyst = TestNodes.token(usa.node, "GBR", Role.ANALYST);
        assertThat(allPages(usa, "/api/v1/test-notes", gbrAnalyst)).containsExactlyElementsOf(toGbr);
        assertThat(allPages(usa, "/api/v1/test-notes", TestNodes.adminToken(usa.node))).hasSize(5);
        assertThat(allPages(usa, "/api/v1/test-notes?sort=-level", gbrAnalyst)).containsExactly(notes.get(4).id(),
                notes.get(2).id(), notes.get(0).id(), notes.get(3).id());
        assertThat(allPages(usa, "/api/v1/test-notes?minLevel=4&subject=alpha", gbrAnalyst))
                .containsExactly(notes.get(4).id());
        assertThat(get(usa, "/api/v1/test-notes", null, 200).get("total").asLong()).as("anonymous").isZero();
        assertThat(get(usa, "/api/v1/test-notes?levle=3", gbrAnalyst, 400).at("/error/message").asText())
                .contains("levle").contains("minLevel");
        get(usa, "/api/v1/test-notes/" + notes.get(1).id(), gbrAnalyst, 404);
        JsonNode one = get(usa, "/api/v1/test-notes/" + notes.get(0).id(), gbrAnalyst, 200);
        assertThat(one.get("subject").asText()).isEqualTo("alpha");
        assertThat(one.at("/label/releasability").asText()).isEqualTo("REL TO AUS,GBR,USA");
        assertThat(allPages(usa, "/api/v1/test-derived", gbrAnalyst)).as("derived: visible only with its input")
                .containsExactly(remarks.get(0).id());
        assertThat(allPages(usa, "/api/v1/test-flags", gbrAnalyst)).containsExactly(flags.get(0).id());
        assertThat(get(usa, "/api/v1/test-flags/" + flags.get(0).id(), gbrAnalyst, 200).get("kind").asText())
                .isEqualTo("test-flags");

        // audited on read by the framework: the list and the item read, with whose data they carried
        usa.node.audit().flush();
        List<AuditEntry> reads = usa.node.audit().entries(0, 10_000).stream()
                .filter(e -> e.event().action() == AuditAction.READ
                        && e.event().subject().startsWith("GET /api/v1/test-")).toList();
        assertThat(reads).extracting(e -> e.event().subject()).contains("GET /api/v1/test-notes/"
                + notes.get(0).id(), "GET /api/v1/test-derived?limit=2");
        assertThat(reads).allSatisfy(e -> assertThat(e.event().originators()).containsExactly("USA"));

        // federated only where allowed; a partner that does not serve the kinds holds them unread
        gbr.pullFrom("USA");
        assertThat(held(gbr, TestKinds.NOTES)).extracting(p -> p.value().subject())
                .containsExactly("alpha", "gamma", "delta", "alpha");
        assertThat(held(gbr, TestKinds.NOTES)).allMatch(p -> p.label().equals(toPartners));
        assertThat(held(gbr, TestKinds.DERIVED)).extracting(p -> p.value().note()).containsExactly("shared input");
        assertThat(held(gbr, TestKinds.FLAGS)).extracting(p -> p.value().subject()).containsExactly("alpha");
        FeedPuller.SyncReport toAus = aus.pullFrom("USA");
        assertThat(toAus.stored()).as("AUS takes the orbit record it may hold").isEqualTo(1);
        assertThat(aus.node.federation().status().stream().filter(s -> s.peer().party().equals("USA")).findFirst()
                .orElseThrow().heldItems()).isEqualTo(Map.of(TestKinds.NOTES.code(), 4L,
                TestKinds.DERIVED.code(), 1L, TestKinds.FLAGS.code(), 1L));

        // recalled with its input, here and at the partner
        usa.node.recallAudited(shared.contentSha256(), "USA", "wrong epoch", "test", Optional.of("USA"));
        assertThat(held(usa, TestKinds.DERIVED)).extracting(p -> p.value().note()).containsExactly("restricted input");
        gbr.pullFrom("USA");
        assertThat(held(gbr, TestKinds.DERIVED)).isEmpty();
        assertThat(held(gbr, TestKinds.NOTES)).hasSize(4);

        // AUS upgraded to serve the kinds: what it held is stored as if it had just arrived; the recall of the
        // remark's input, which AUS had not pulled yet, then takes the remark with it
        aus.testKinds = true;
        aus.stop();
        aus.port = 0; // nobody pulls from AUS: any free port (its old one may be taken meanwhile)
        aus.start();
        assertThat(held(aus, TestKinds.NOTES)).extracting(p -> p.value().subject())
                .containsExactly("alpha", "gamma", "delta", "alpha");
        assertThat(held(aus, TestKinds.DERIVED)).extracting(p -> p.value().note()).containsExactly("shared input");
        assertThat(held(aus, TestKinds.FLAGS)).extracting(p -> p.value().subject()).containsExactly("alpha");
        assertThat(aus.node.federation().status()).allSatisfy(s -> assertThat(s.heldItems()).isEmpty());
        aus.pullFrom("USA");
        assertThat(held(aus, TestKinds.DERIVED)).isEmpty();
    }
}
