package org.concord.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.TestNodes;
import org.concord.access.Role;
import org.concord.access.SharingService;
import org.concord.cyber.CyberKind;
import org.concord.cyber.CyberService;
import org.concord.cyber.StixMarkings;
import org.concord.ingest.IngestRequest;
import org.concord.label.Label;
import org.concord.node.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The console's cyber views in a real browser against a real node of USA: the OASIS example bundle of a phishing attack
 * pattern and two indicators (src/test/resources/stix, with their identity and their two relationships), an attack
 * pattern citing a SPARTA technique and an incident, linked by relationships to the ISS (a public catalog object, as
 * the node's own STIX infrastructure) and to a ground station with its location, posted over TAXII by a USA operator
 * under three labels: TLP:CLEAR public, TLP:GREEN released to USA and AUS, and TLP:RED released to USA only (the
 * "Malicious Email Attachment" indicator and its three relationships); and the 25 indicators of the OASIS Poison Ivy
 * bundle, TLP:AMBER to USA only, so that USA's list has two pages. A USA analyst sees all of them; AUS's analyst the
 * public and green ones, never the red indicator's name or id; an anonymous visitor the public ones.
 */
class ConsoleCyberBrowserTest {

    private static final String COLLECTION = "0a7e5c01-0000-4000-8000-00000000c0a1";

    @RegisterExtension
    static final ServedNodeExtension SERVED = ServedNodeExtension.prepared(ConsoleCyberBrowserTest::prepare)
            .in(Map.of("CONCORD_NODE_PARTY", "USA",
                    "CONCORD_TAXII_COLLECTION_1_ID", COLLECTION,
                    "CONCORD_TAXII_COLLECTION_1_TITLE", "Space-cyber incidents",
                    "CONCORD_TAXII_COLLECTION_1_COMMUNITY", "PUBLIC",
                    "CONCORD_TAXII_COLLECTION_1_READ", "USA,AUS",
                    "CONCORD_TAXII_COLLECTION_1_WRITE", "USA",
                    "CONCORD_HTTP_ANONYMOUS_REQUESTS_PER_MINUTE", "100000",
                    "CONCORD_HTTP_ANONYMOUS_BURST", "10000"));

    /** The browser, signed out before each test. */
    @RegisterExtension
    static final ConsoleBrowser CONSOLE = new ConsoleBrowser(SERVED);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String BUNDLE = "/stix/stix21_malicious-email-indicator-with-attachment.json";
    private static final String CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    private static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    private static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    private static final String AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    /** The 25 indicators of the OASIS Poison Ivy bundle, posted after the others, TLP:AMBER to USA only. */
    private static final String POISON_IVY = "/stix/stix21_poisonivy.json";
    private static final long ISS = 25544;
    private static final String STATION = "GS-SVALBARD";

    // the OASIS bundle's objects
    private static final String IDENTITY = "identity--f690c992-8e7d-4b9a-9303-3312616c0220";
    private static final String PHISHING = "attack-pattern--d7b066aa-4091-4276-a142-29d5d81c3484";
    private static final String EMAIL = "indicator--8cf9236f-1b96-493d-98be-0c1c1e8b62d7";
    private static final String EMAIL_NAME = "Malicious E-mail";
    /** The indicator released to USA only: AUS and anonymous visitors must never see its name or id. */
    private static final String ATTACHMENT = "indicator--2e17f6fe-3a4d-438a-911a-e509ba1b9933";
    private static final String ATTACHMENT_NAME = "Malicious Email Attachment";
    private static final String EMAIL_INDICATES = "relationship--c3fa00e6-1d31-4137-98f5-32a1ec0d0e92";
    private static final String ATTACHMENT_INDICATES = "relationship--8e231463-6b3e-4be6-9c44-56999d8c1d80";
    // made here: an attack pattern citing SPARTA, an incident, the ground station, its location and the links
    private static final String SPOOFING = "attack-pattern--5e0dc0de-0000-4000-8000-000000000001";
    private static final String SPOOFING_NAME = "Position, Navigation, and Timing (PNT) Spoofing";
    private static final String INCIDENT = "incident--5e0dc0de-0000-4000-8000-000000000002";
    private static final String INCIDENT_NAME = "Uplink spoofing attempt";
    private static final String STATION_ID = "infrastructure--5e0dc0de-0000-4000-8000-000000000003";
    private static final String LOCATION = "location--5e0dc0de-0000-4000-8000-000000000004";
    private static final String ATTACHMENT_TO_ISS = "relationship--5e0dc0de-0000-4000-8000-000000000013";
    private static final String ATTACHMENT_TO_STATION = "relationship--5e0dc0de-0000-4000-8000-000000000015";

    /** What AUS and anonymous visitors must never see: the red indicator's name and id, and its relationships' ids. */
    private static final List<String> RED_TEXT = List.of(ATTACHMENT_NAME, ATTACHMENT, ATTACHMENT_INDICATES,
            ATTACHMENT_TO_ISS, ATTACHMENT_TO_STATION);

    private static ChromeDriver browser;
    private static String usaAnalyst;
    private static String ausAnalyst;
    private static String usaOperator;

    private static void prepare(Node node) {
        String party = node.sharing().nodeParty();
        node.ingest().ingest(new IngestRequest("public.tle", TestNodes.resource(
                "/catalog/subset_301obj_3le_2024-07.txt"), Optional.of(Label.publicFrom(party)), "test", false,
                Optional.empty()));
        usaAnalyst = TestNodes.token(node, "USA", Role.ANALYST);
        usaOperator = TestNodes.token(node, "USA", Role.OPERATOR);
        ausAnalyst = TestNodes.token(node, "AUS", Role.ANALYST);
        // USA releases its cyber objects to AUS where their labels name AUS
        node.sharing().addAgreement(new SharingService.Terms("USA", new TreeSet<>(List.of("AUS")),
                Set.of(CyberKind.CYBER), false, Instant.now().minusSeconds(60), Optional.empty()),
                TestNodes.TEST_ADMIN);
    }

    @BeforeAll
    static void postTheObjects() throws Exception {
        browser = CONSOLE.driver();
        JsonNode bundle = JSON.readTree(TestNodes.resource(BUNDLE));
        // the ISS as the node makes it a STIX infrastructure: labelled like its public record, TLP:CLEAR
        JsonNode iss = JSON.readTree(get("/api/v1/objects/" + ISS + "/cyber/stix", usaOperator)).path("object");
        ObjectNode station = stix("infrastructure", STATION_ID, "Svalbard ground station", CLEAR);
        station.putArray("infrastructure_types").add("ground-station");
        station.putObject("extensions").putObject(CyberService.GROUND_STATION_EXTENSION)
                .put("extension_type", "property-extension").put("station_id", STATION);
        ObjectNode location = stix("location", LOCATION, "Platåberget", CLEAR).put("latitude", 78.2297)
                .put("longitude", 15.4077);
        ObjectNode spoofing = stix("attack-pattern", SPOOFING, SPOOFING_NAME, CLEAR);
        spoofing.putArray("external_references").addObject().put("source_name", "sparta")
                .put("external_id", "EX-0014.04");
        ObjectNode incident = releasableTo(stix("incident", INCIDENT, INCIDENT_NAME, GREEN), "USA", "AUS");
        post(marked(find(bundle, IDENTITY), CLEAR), marked(find(bundle, PHISHING), CLEAR),
                releasableTo(marked(find(bundle, EMAIL), GREEN), "USA", "AUS"),
                releasableTo(marked(find(bundle, ATTACHMENT), RED), "USA"),
                releasableTo(marked(find(bundle, EMAIL_INDICATES), GREEN), "USA", "AUS"),
                releasableTo(marked(find(bundle, ATTACHMENT_INDICATES), RED), "USA"),
                iss, station, location, spoofing, incident,
                relationship(11, SPOOFING, "targets", iss, CLEAR),
                releasableTo(relationship(12, INCIDENT, "targets", iss, GREEN), "USA", "AUS"),
                releasableTo(relationship(13, ATTACHMENT, "indicates", iss, RED), "USA"),
                relationship(14, PHISHING, "targets", station, CLEAR),
                releasableTo(relationship(15, ATTACHMENT, "indicates", station, RED), "USA"),
                releasableTo(relationship(16, EMAIL, "indicates", station, GREEN), "USA", "AUS"),
                relationship(17, STATION_ID, "located-at", location, CLEAR));
        List<JsonNode> poisonIvy = new ArrayList<>();
        for (JsonNode o : JSON.readTree(TestNodes.resource(POISON_IVY)).path("objects")) {
            if (o.path("type").asText().equals("indicator")) {
                poisonIvy.add(releasableTo(marked((ObjectNode) o.deepCopy(), AMBER), "USA"));
            }
        }
        assertThat(poisonIvy).hasSize(25);
        post(poisonIvy.toArray(JsonNode[]::new));
    }

    private static ObjectNode stix(String type, String id, String name, String marking) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", type).put("spec_version", "2.1").put("id", id).put("created", "2024-03-01T10:00:00.000Z")
                .put("modified", "2024-03-01T10:00:00.000Z").put("name", name);
        o.putArray("object_marking_refs").add(marking);
        return o;
    }

    private static ObjectNode relationship(int n, String source, String type, JsonNode target, String marking) {
        ObjectNode r = JSON.createObjectNode();
        r.put("type", "relationship").put("spec_version", "2.1")
                .put("id", "relationship--5e0dc0de-0000-4000-8000-0000000000" + n)
                .put("created", "2024-03-02T10:00:00.000Z").put("modified", "2024-03-02T10:00:00.000Z")
                .put("relationship_type", type).put("source_ref", source).put("target_ref", target.path("id").asText());
        r.putArray("object_marking_refs").add(marking);
        return r;
    }

    private static ObjectNode find(JsonNode bundle, String id) {
        for (JsonNode o : bundle.path("objects")) {
            if (o.path("id").asText().equals(id)) {
                return (ObjectNode) o.deepCopy();
            }
        }
        throw new AssertionError("no " + id + " in " + BUNDLE);
    }

    private static ObjectNode marked(ObjectNode o, String marking) {
        o.putArray("object_marking_refs").add(marking);
        return o;
    }

    private static ObjectNode releasableTo(ObjectNode o, String... parties) {
        ObjectNode extensions = o.has("extensions") ? (ObjectNode) o.get("extensions") : o.putObject("extensions");
        var list = extensions.putObject(StixMarkings.RELEASABILITY_EXTENSION)
                .put("extension_type", "property-extension").putArray("releasable_to");
        for (String p : parties) {
            list.add(p);
        }
        return o;
    }

    private static void post(JsonNode... objects) throws Exception {
        ObjectNode envelope = JSON.createObjectNode();
        var array = envelope.putArray("objects");
        for (JsonNode o : objects) {
            array.add(o);
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SERVED.base()
                        + "/taxii2/concord/collections/" + COLLECTION + "/objects/"))
                .header("Authorization", "Bearer " + usaOperator).header("Accept", TAXII).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode status = JSON.readTree(r.body());
        assertThat(status.path("failure_count").asInt()).as(r.body()).isZero();
        assertThat(status.path("success_count").asInt()).isEqualTo(objects.length);
    }

    private static String get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVED.base() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    /** The product id of the newest version of a STIX object, as the node's administrator finds it. */
    private static long productId(String stixId) throws IOException, InterruptedException {
        JsonNode page = JSON.readTree(get("/api/v1/cyber?sort=-modified&limit=1&stixId="
                + URLEncoder.encode(stixId, StandardCharsets.UTF_8), SERVED.adminToken()));
        return page.path("items").get(0).path("id").asLong();
    }

    /** The product ids of every version a token (or an anonymous caller) may list. */
    private static List<Long> listedIds(String token) throws IOException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        JSON.readTree(get("/api/v1/cyber?limit=100", token)).path("items").forEach(i -> ids.add(i.path("id")
                .asLong()));
        return ids;
    }

    private static List<String> rowTexts(String table) {
        return browser.findElements(By.cssSelector("table[aria-label='" + table + "'] tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<String> rowKeys(String table) {
        return browser.findElements(By.cssSelector("table[aria-label='" + table + "'] tbody tr")).stream()
                .map(r -> r.getAttribute("data-key")).toList();
    }

    private static List<String> rowTypes(String table) {
        return browser.findElements(By.cssSelector("table[aria-label='" + table + "'] tbody tr")).stream()
                .map(r -> r.getAttribute("data-stix-type")).toList();
    }

    private static WebElement row(String table, String text) {
        return browser.findElements(By.cssSelector("table[aria-label='" + table + "'] tbody tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + table + " with " + text));
    }

    @Test
    void anAnalystSeesWhatIsLinkedToTheObjectWithItsSpartaTechniqueAndMarkings() throws IOException {
        CONSOLE.signIn(usaAnalyst);
        CONSOLE.open("#/object?id=" + ISS);
        String objectTable = "Cyber objects linked to this object";
        assertThat(rowTypes(objectTable)).as("the linked objects first, then the infrastructure, then the links")
                .containsExactly("incident", "indicator", "attack-pattern", "infrastructure", "relationship",
                        "relationship", "relationship");
        assertThat(browser.findElement(By.cssSelector("section.cyber-section .summary")).getText())
                .isEqualTo("7 STIX objects linked to this object that you may see (by type: attack-pattern 1,"
                        + " incident 1, indicator 1, infrastructure 1, relationship 3): the newest version of each,"
                        + " revoked ones left out.");
        WebElement spoofing = row(objectTable, SPOOFING_NAME);
        List<WebElement> cells = spoofing.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo("attack-pattern");
        assertThat(cells.get(2).getText()).isEqualTo("EX-0014.04");
        assertThat(cells.get(3).getText()).isEqualTo("targets this object");
        assertThat(cells.get(4).getText()).startsWith("2024-03-01 10:00:00Z (").endsWith(" ago)");
        assertThat(cells.get(5).getText()).isEqualTo("TLP:CLEAR PUBLIC");
        assertThat(row(objectTable, ATTACHMENT_NAME).getText()).contains("indicates this object", "TLP:RED",
                "REL TO USA");
        assertThat(row(objectTable, INCIDENT_NAME).getText()).contains("targets this object", "TLP:GREEN",
                "REL TO AUS,USA");
        assertThat(row(objectTable, "ISS (ZARYA)").getText()).contains("infrastructure", "names this object");
        assertThat(row(objectTable, "indicator " + ATTACHMENT_NAME + " → indicates → this object").getText())
                .contains("relationship", "TLP:RED");
        WebElement red = row(objectTable, ATTACHMENT_NAME).findElement(By.cssSelector(".tlp"));
        assertThat(red.getCssValue("color")).isEqualTo("rgba(255, 43, 43, 1)");
        browser.executeScript("document.querySelector('section.cyber-section').scrollIntoView()");
        CONSOLE.screenshot("cyber-object");

        // Enter on a row opens the object, its STIX JSON pretty-printed and its links to space
        WebElement incident = row(objectTable, INCIDENT_NAME);
        String key = incident.getAttribute("data-key");
        incident.sendKeys(Keys.ENTER);
        CONSOLE.rendered("#/cyber?id=" + key);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("incident: " + INCIDENT_NAME);
        assertThat(rowTexts("Space objects and ground stations")).singleElement().satisfies(t -> assertThat(t)
                .startsWith("space object " + ISS + " this incident → targets → it ISS (ZARYA) TLP:CLEAR PUBLIC")
                .endsWith("TLP:GREEN REL TO AUS,USA"));
        JsonNode shown = JSON.readTree(browser.findElement(By.cssSelector("pre.stix")).getText());
        assertThat(shown.path("id").asText()).isEqualTo(INCIDENT);
        assertThat(shown.path("name").asText()).isEqualTo(INCIDENT_NAME);
        assertThat(browser.findElement(By.cssSelector("pre.stix")).getText()).contains("\n  \"type\": \"incident\"");
        assertThat(browser.findElements(By.cssSelector("pre.stix textarea, pre.stix [contenteditable]"))).isEmpty();
        browser.findElement(By.linkText(String.valueOf(ISS))).click();
        CONSOLE.rendered("#/object?id=" + ISS);
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void theCyberViewPagesTheObjectsAndARowOpensItsJsonAndItsLinksToSpaceAndGround() throws Exception {
        CONSOLE.signIn(usaAnalyst);
        browser.findElement(By.linkText("Cyber")).click();
        CONSOLE.rendered("#/cyber");
        assertThat(browser.findElement(By.cssSelector("main .summary")).getText())
                .startsWith("43 STIX object versions you may see, 25 on this page; in the order added to this node.");
        assertThat(rowTypes("Cyber objects")).hasSize(25).first().isEqualTo("identity");
        assertThat(row("Cyber objects", SPOOFING_NAME).getText()).contains("EX-0014.04", "TLP:CLEAR");
        assertThat(row("Cyber objects", "Svalbard ground station").getText()).contains("ground station " + STATION);
        assertThat(row("Cyber objects", "ISS (ZARYA)").getText()).contains("space object " + ISS);
        assertThat(row("Cyber objects", "indicator → indicates → attack-pattern").getText()).contains("relationship");
        CONSOLE.screenshot("cyber");
        // one page at a time: the next holds the rest of the Poison Ivy indicators, the previous is the first again
        List<String> firstPage = rowKeys("Cyber objects");
        browser.findElement(By.xpath("//button[text()='Next →']")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("cursor="));
        CONSOLE.rendered(browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('#')));
        assertThat(rowTexts("Cyber objects")).hasSize(18).allMatch(t -> t.startsWith("indicator "))
                .allMatch(t -> t.contains("TLP:AMBER REL TO USA"));
        assertThat(rowKeys("Cyber objects")).doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.findElement(By.xpath("//button[text()='Next →']")).isEnabled()).isFalse();
        browser.findElement(By.xpath("//button[text()='← Previous']")).click();
        CONSOLE.rendered("#/cyber");
        assertThat(rowKeys("Cyber objects")).isEqualTo(firstPage);

        // a filter of the API's: the indicators, by their type
        browser.findElement(By.name("type")).sendKeys("indicator");
        browser.findElement(By.name("type")).submit();
        CONSOLE.rendered("#/cyber?type=indicator");
        assertThat(browser.findElement(By.cssSelector("main .summary")).getText())
                .startsWith("27 STIX object versions you may see match, 25 on this page;");
        assertThat(rowTypes("Cyber objects")).hasSize(25).containsOnly("indicator");
        assertThat(rowTexts("Cyber objects")).anyMatch(t -> t.contains(EMAIL_NAME))
                .anyMatch(t -> t.contains(ATTACHMENT_NAME));

        // the red indicator: its JSON and both of its links, to the ISS and to the station, each through a relationship
        WebElement attachment = row("Cyber objects", ATTACHMENT_NAME);
        attachment.click();
        CONSOLE.rendered("#/cyber?id=" + productId(ATTACHMENT));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("indicator: " + ATTACHMENT_NAME);
        assertThat(rowTexts("Space objects and ground stations")).containsExactlyInAnyOrder(
                "space object " + ISS + " this indicator → indicates → it ISS (ZARYA) TLP:CLEAR PUBLIC TLP:RED"
                        + " REL TO USA",
                "ground station " + STATION + " this indicator → indicates → it Svalbard ground station TLP:CLEAR"
                        + " PUBLIC TLP:RED REL TO USA");
        JsonNode shown = JSON.readTree(browser.findElement(By.cssSelector("pre.stix")).getText());
        assertThat(shown).isEqualTo(JSON.readTree(JSON.readTree(get("/api/v1/cyber/" + productId(ATTACHMENT),
                usaAnalyst)).path("objectJson").asText()));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("TLP:RED", "REL TO USA",
                "Originator", "USA");
        CONSOLE.tallScreenshot("cyber-detail", 1500);

        // the station's link opens what is linked to it
        browser.findElement(By.linkText("ground station " + STATION)).click();
        CONSOLE.rendered("#/cyber?groundStation=" + STATION);
        String stationTable = "Cyber objects linked to ground station " + STATION;
        assertThat(rowTypes(stationTable)).containsExactly("indicator", "indicator", "attack-pattern", "location",
                "infrastructure", "relationship", "relationship", "relationship", "relationship");
        assertThat(row(stationTable, "Platåberget").getText()).contains("this station located-at it");
        assertThat(row(stationTable, "Phishing").getText()).contains("targets this station");
        assertThat(rowTexts("Cyber objects")).as("the versions naming the station").singleElement()
                .satisfies(t -> assertThat(t).contains("Svalbard ground station"));
    }

    @Test
    void aPartnerSeesOnlyWhatItsLabelsAllowAndTheRedIndicatorNowhere() throws Exception {
        List<String> pages = new ArrayList<>(List.of("#/cyber", "#/cyber?sort=-modified", "#/cyber?type=indicator",
                "#/cyber?type=relationship", "#/cyber?groundStation=" + STATION, "#/object?id=" + ISS));
        CONSOLE.signIn(usaAnalyst);
        assertThat(pagesShowing(pages, RED_TEXT)).as("the pages that show USA the red indicator").contains(
                "#/cyber", "#/cyber?type=indicator", "#/cyber?groundStation=" + STATION, "#/object?id=" + ISS);

        List<Long> partnerIds = listedIds(ausAnalyst);
        assertThat(partnerIds).hasSize(14);
        for (long id : partnerIds) {
            pages.add("#/cyber?id=" + id);
        }
        for (String red : List.of(ATTACHMENT, ATTACHMENT_INDICATES, ATTACHMENT_TO_ISS, ATTACHMENT_TO_STATION)) {
            pages.add("#/cyber?id=" + productId(red));
        }
        CONSOLE.signIn(ausAnalyst);
        assertThat(browser.findElement(By.id("who")).getText()).contains("AUS");
        assertThat(pagesShowing(pages, RED_TEXT)).as("pages that show the partner the red indicator").isEmpty();
        CONSOLE.open("#/object?id=" + ISS);
        assertThat(rowTypes("Cyber objects linked to this object")).containsExactly("incident", "attack-pattern",
                "infrastructure", "relationship", "relationship");
        CONSOLE.open("#/cyber?id=" + productId(ATTACHMENT));
        assertThat(browser.findElement(By.cssSelector("main .error")).getText()).startsWith("404: ");
        CONSOLE.open("#/cyber?groundStation=" + STATION);
        assertThat(rowTypes("Cyber objects linked to ground station " + STATION)).containsExactly("indicator",
                "attack-pattern", "location", "infrastructure", "relationship", "relationship", "relationship");
        // asked for by its id (which the partner typed), the red indicator is not found
        CONSOLE.open("#/cyber?stixId=" + ATTACHMENT);
        assertThat(browser.findElement(By.cssSelector("main .empty")).getText())
                .isEqualTo("No STIX object you may see matches these filters.");
        // the phishing pattern's links: the station through a public relationship; the red indicator's relationship to
        // it is not among them
        CONSOLE.open("#/cyber?id=" + productId(PHISHING));
        assertThat(rowTexts("Space objects and ground stations")).containsExactly("ground station " + STATION
                + " this attack-pattern → targets → it Svalbard ground station TLP:CLEAR PUBLIC TLP:CLEAR PUBLIC");
        JsonNode refs = JSON.readTree(get("/api/v1/cyber?ref=" + PHISHING, ausAnalyst)).path("items");
        List<String> joined = new ArrayList<>();
        refs.forEach(r -> joined.add(r.path("stixId").asText()));
        assertThat(joined).as("the relationships AUS may see at the phishing pattern")
                .containsExactlyInAnyOrder(EMAIL_INDICATES, "relationship--5e0dc0de-0000-4000-8000-000000000014");
        assertThat(JSON.readTree(get("/api/v1/cyber?ref=" + PHISHING, usaAnalyst)).path("total").asLong())
                .isEqualTo(3);
    }

    @Test
    void anAnonymousVisitorSeesThePublicObjectsOnly() throws IOException, InterruptedException {
        assertThat(browser.findElement(By.id("who")).getText()).contains("anonymous");
        assertThat(listedIds(null)).hasSize(9);
        CONSOLE.open("#/object?id=" + ISS);
        assertThat(rowTypes("Cyber objects linked to this object")).containsExactly("attack-pattern",
                "infrastructure", "relationship");
        List<String> hidden = new ArrayList<>(RED_TEXT);
        hidden.addAll(List.of(EMAIL_NAME, EMAIL, INCIDENT_NAME, INCIDENT));
        List<String> pages = List.of("#/cyber", "#/cyber?type=indicator", "#/cyber?groundStation=" + STATION,
                "#/object?id=" + ISS, "#/cyber?id=" + productId(PHISHING), "#/cyber?id=" + productId(STATION_ID));
        assertThat(pagesShowing(pages, hidden)).isEmpty();
        CONSOLE.open("#/cyber?type=indicator");
        assertThat(browser.findElement(By.cssSelector("main .empty")).getText())
                .isEqualTo("No STIX object you may see matches these filters.");
        CONSOLE.open("#/cyber");
        assertThat(rowTexts("Cyber objects")).hasSize(9).allMatch(t -> t.contains("TLP:CLEAR PUBLIC"));
    }

    @Test
    void anObjectNothingIsLinkedToSaysSo() {
        CONSOLE.signIn(usaAnalyst);
        CONSOLE.open("#/object?id=5"); // VANGUARD 1, the subset's first object
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("5 VANGUARD 1");
        assertThat(browser.findElement(By.cssSelector("section.cyber-section .empty")).getText())
                .startsWith("Nothing linked to this object that you may see");
    }

    /** The pages (loaded afresh, each to its end) whose source holds any of the texts. */
    private static List<String> pagesShowing(List<String> pages, List<String> texts) {
        List<String> showing = new ArrayList<>();
        for (String page : pages) {
            CONSOLE.open(page);
            String source = browser.getPageSource();
            if (texts.stream().anyMatch(source::contains)) {
                showing.add(page);
            }
        }
        return showing;
    }
}
