package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.catalog.OrbitRecord;
import org.concord.formats.ElementSetExport.Layout;
import org.concord.formats.ElementSetStream;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.label.LabelFilter;
import org.concord.node.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/elements} as JSON and CSV keeps each record's rendered entry in memory (issue 19): its answer is
 * byte for byte the one written afresh from every stored message, and the memory never shows a record that the
 * caller's label filter excludes, nor one recalled or re-labelled away, although its text was rendered for another
 * caller before. The tests run in order, on one node, each after the memory was filled by the ones before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkElementsRenderingApiTest {

    private static final String SUBSET = "/catalog/subset_301obj_3le_2024-07.txt";
    private static final String FULL = "/sample/full_catalog_3le_2024-07_26389obj.txt";
    private static final Label USA_ONLY = Label.parse("originator=USA;rel=REL TO USA;tlp=AMBER",
            Label.publicFrom("USA"));
    private static final List<Long> SUBSET_IDS = new ArrayList<>();
    private static final List<Long> RESTRICTED = new ArrayList<>();

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(BulkElementsRenderingApiTest::fill);

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String gbrViewer;
    private static String usaViewer;

    private static void fill(Node node) {
        byte[] subset = TestNodes.resource(SUBSET);
        node.ingest().ingest(new IngestRequest("subset.tle", subset, Optional.of(Label.publicFrom("TEST")), "test",
                false, Optional.empty()));
        String[] lines = new String(subset, StandardCharsets.US_ASCII).split("\r?\n");
        for (int i = 1; i < lines.length; i += 3) {
            SUBSET_IDS.add(Long.parseLong(lines[i].substring(2, 7).trim()));
        }
        String[] full = new String(TestNodes.resource(FULL), StandardCharsets.US_ASCII).split("\r?\n");
        StringBuilder restricted = new StringBuilder();
        for (int i = 1; i < full.length && RESTRICTED.size() < 5; i += 3) {
            long norad = Long.parseLong(full[i].substring(2, 7).trim());
            if (!SUBSET_IDS.contains(norad)) {
                RESTRICTED.add(norad);
                restricted.append(full[i - 1]).append('\n').append(full[i]).append('\n').append(full[i + 1])
                        .append('\n');
            }
        }
        node.ingest().ingest(new IngestRequest("usa.tle", restricted.toString().getBytes(StandardCharsets.US_ASCII),
                Optional.of(USA_ONLY), "test", false, Optional.empty()));
    }

    @BeforeAll
    static void tokens() {
        gbrViewer = TestNodes.token(SERVED.node(), "GBR", Role.VIEWER);
        usaViewer = TestNodes.token(SERVED.node(), "USA", Role.VIEWER);
    }

    @Test
    @Order(1)
    void theRememberedAnswerIsByteForByteTheOneWrittenAfresh() throws Exception {
        for (Layout layout : List.of(Layout.OMM_JSON, Layout.OMM_CSV)) {
            String afresh = afresh(layout);
            String first = get("/api/v1/elements?format=" + layout.parameter(), usaViewer);
            String second = get("/api/v1/elements?format=" + layout.parameter(), usaViewer);
            assertThat(first).isEqualTo(afresh);
            assertThat(second).isEqualTo(afresh);
        }
        // every object of the node is in it: the comparison covers each record
        assertThat(objects(get("/api/v1/elements?format=omm-json", usaViewer)))
                .hasSize(SUBSET_IDS.size() + RESTRICTED.size());
    }

    @Test
    @Order(2)
    void aRecordRenderedForOneCallerIsNeverShownToACallerItsLabelExcludes() throws Exception {
        get("/api/v1/elements?format=omm-json", usaViewer);
        List<Long> gbr = objects(get("/api/v1/elements?format=omm-json", gbrViewer));
        assertThat(gbr).containsExactlyInAnyOrderElementsOf(SUBSET_IDS).doesNotContainAnyElementsOf(RESTRICTED);
        String csv = get("/api/v1/elements?format=omm-csv", gbrViewer);
        assertThat(csv.split("\n")).hasSize(SUBSET_IDS.size() + 1);
        for (long norad : RESTRICTED) {
            assertThat(csv).doesNotContain("," + norad + ",");
        }
    }

    @Test
    @Order(3)
    void aRecalledOrReLabelledRecordIsGoneFromTheNextAnswer() throws Exception {
        Node node = SERVED.node();
        long recalled = SUBSET_IDS.get(10);
        long relabelled = SUBSET_IDS.get(20);
        assertThat(objects(get("/api/v1/elements?format=omm-json", gbrViewer))).contains(recalled, relabelled);
        OrbitRecord toRecall = node.catalog().latestMeanElements(recalled, LabelFilter.UNRESTRICTED).orElseThrow();
        node.recallAudited(toRecall.contentSha256(), toRecall.label().originator(), "test", "test", Optional.empty());
        OrbitRecord toRelabel = node.catalog().latestMeanElements(relabelled, LabelFilter.UNRESTRICTED).orElseThrow();
        node.relabelAudited(toRelabel, Label.parse("originator=TEST;rel=REL TO USA;tlp=AMBER",
                Label.publicFrom("TEST")), false, "narrowed", "test", Optional.empty());
        List<Long> gbr = objects(get("/api/v1/elements?format=omm-json", gbrViewer));
        assertThat(gbr).doesNotContain(recalled, relabelled).hasSize(SUBSET_IDS.size() - 2);
        // the administrator sees the re-labelled record (under its new id), not the recalled one
        List<Long> all = objects(get("/api/v1/elements?format=omm-json", SERVED.adminToken()));
        assertThat(all).doesNotContain(recalled).contains(relabelled);
        // and each entry of the answer, the re-labelled record's included, is the one written afresh
        assertThat(get("/api/v1/elements?format=omm-json", SERVED.adminToken()))
                .isEqualTo(afresh(Layout.OMM_JSON, java.util.Set.copyOf(all)));
    }

    /** The whole catalog (all of it is visible to USA) as the stream writes it without any memory of entries. */
    private static String afresh(Layout layout) {
        return afresh(layout, java.util.Set.of());
    }

    /** As {@link #afresh(Layout)}, of these objects only (all of them if none). */
    private static String afresh(Layout layout, java.util.Set<Long> objects) {
        StringWriter out = new StringWriter();
        try (ElementSetStream stream = ElementSetStream.open(out, layout, Optional.empty())) {
            SERVED.node().catalogScan().eachLatestMeanElements(LabelFilter.UNRESTRICTED, record -> {
                if (objects.isEmpty() || objects.contains(record.noradId())) {
                    stream.write(record, List.of());
                }
            });
        }
        return out.toString();
    }

    private static List<Long> objects(String json) throws Exception {
        List<Long> objects = new ArrayList<>();
        for (JsonNode o : JSON.readTree(json)) {
            objects.add(o.get("NORAD_CAT_ID").asLong());
        }
        return objects;
    }

    private static String get(String url, String token) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(SERVED.base() + url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
