package org.concord.cyber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.concord.connector.ConfigKeys;
import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.junit.jupiter.api.Test;

class TaxiiSettingsTest {

    /** A configuration file of these keys. */
    private record File(Map<String, String> values) implements ConfigKeys {

        @Override
        public Optional<String> optional(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public Duration duration(String key, Duration fallback) {
            return optional(key).map(Duration::parse).orElse(fallback);
        }

        @Override
        public String origin(String key) {
            return "configuration file concord.properties";
        }

        @Override
        public Set<String> fileKeys() {
            return values.keySet();
        }

        @Override
        public Optional<String> environment(String variable) {
            return Optional.empty();
        }
    }

    private static File file(Map<String, String> values) {
        return new File(values);
    }

    @Test
    void collectionsAndSourcesAreReadWithTheirDefaults() {
        File f = file(Map.of("taxii.collection.2.id", "c2", "taxii.collection.1.id", "c1",
                "taxii.collection.1.community", "REL TO GBR,USA", "taxii.collection.1.read", "GBR,USA",
                "taxii.collection.1.write", "GBR", "taxii.collection.1.tlp", "RED",
                "taxii.pull.1.url", "https://cert.example/taxii2/api1/collections/x/objects/",
                "taxii.pull.1.token", "secret", "taxii.pull.1.collection", "c1", "taxii.pull.1.originator", "usa"));
        assertThat(TaxiiSettings.collections(f, f.fileKeys())).satisfiesExactly(c1 -> {
            assertThat(c1.id()).isEqualTo("c1");
            assertThat(c1.apiRoot()).isEqualTo("concord");
            assertThat(c1.community()).isEqualTo(Releasability.to("GBR", "USA"));
            assertThat(c1.readers()).containsExactlyInAnyOrder("GBR", "USA");
            assertThat(c1.writers()).containsExactly("GBR");
            assertThat(c1.defaultTlp()).isEqualTo(Tlp.RED);
        }, c2 -> {
            assertThat(c2.title()).as("the id by default").isEqualTo("c2");
            assertThat(c2.community()).as("nobody by default").isEqualTo(Releasability.NOBODY);
            assertThat(c2.defaultTlp()).isEqualTo(Tlp.AMBER);
        });
        assertThat(TaxiiSettings.sources(f, f.fileKeys())).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("taxii.pull.1");
            assertThat(s.objectsUrl()).isEqualTo(URI.create("https://cert.example/taxii2/api1/collections/x/objects/"));
            assertThat(s.originator()).isEqualTo("USA");
        });
    }

    @Test
    void mistakesAreRefusedNamingTheKeyAndWhatIsAccepted() {
        File unknown = file(Map.of("taxii.collection.1.id", "c1", "taxii.collection.1.colour", "red"));
        assertThatThrownBy(() -> TaxiiSettings.collections(unknown, unknown.fileKeys()))
                .hasMessageContaining("concord.properties").hasMessageContaining("taxii.collection.1.colour")
                .hasMessageContaining("{id,api-root,title,description,community,read,write,tlp}");
        File noToken = file(Map.of("taxii.pull.3.url", "https://cert.example/objects/", "taxii.pull.3.collection",
                "c1", "taxii.pull.3.originator", "USA"));
        assertThatThrownBy(() -> TaxiiSettings.sources(noToken, noToken.fileKeys()))
                .hasMessageContaining("taxii.pull.3.token is missing");
        File ftp = file(Map.of("taxii.pull.1.url", "ftp://cert.example/", "taxii.pull.1.token", "t",
                "taxii.pull.1.collection", "c1", "taxii.pull.1.originator", "USA"));
        assertThatThrownBy(() -> TaxiiSettings.sources(ftp, ftp.fileKeys()))
                .hasMessageContaining("taxii.pull.1.*").hasMessageContaining("is not an http(s) URL");
    }

    @Test
    void theStatusRetentionIsADurationWithItsUnit() {
        assertThat(TaxiiSettings.statusRetention(file(Map.of()))).as("by default").isEqualTo(Duration.ofDays(30));
        assertThat(TaxiiSettings.statusRetention(file(Map.of("taxii.status-retention", "P7D"))))
                .isEqualTo(Duration.ofDays(7));
        assertThat(TaxiiSettings.statusRetention(file(Map.of("taxii.status-retention", "PT12H"))))
                .isEqualTo(Duration.ofHours(12));
        for (String bad : List.of("30", "30 days", "P0D", "-P1D", "P3651D", "")) {
            assertThatThrownBy(() -> TaxiiSettings.statusRetention(file(Map.of("taxii.status-retention", bad))))
                    .as(bad).hasMessageContaining("concord.properties")
                    .hasMessageContaining("taxii.status-retention = '" + bad + "'")
                    .hasMessageContaining("an ISO-8601 duration with its unit, more than zero and at most P3650D,"
                            + " such as P30D or PT12H");
        }
    }

    @Test
    void aSourceUrlIsAnHttpUrlOfAtMost2048Characters() {
        String base = "https://cert.example/taxii2/api1/collections/x/objects/";
        String longest = base + "a".repeat(2048 - base.length());
        assertThat(TaxiiSettings.sources(source(longest), source(longest).fileKeys())).singleElement()
                .satisfies(s -> assertThat(s.objectsUrl().toString()).hasSize(2048));
        File tooLong = source(longest + "a");
        assertThatThrownBy(() -> TaxiiSettings.sources(tooLong, tooLong.fileKeys()))
                .hasMessageContaining("taxii.pull.1.*").hasMessageContaining("url is 2049 characters long")
                .hasMessageContaining("at most 2048");
        for (String bad : List.of("file:///etc/passwd", "mailto:cert@example.org", "cert.example/objects/")) {
            File f = source(bad);
            assertThatThrownBy(() -> TaxiiSettings.sources(f, f.fileKeys())).as(bad)
                    .hasMessageContaining("taxii.pull.1.*").hasMessageContaining("http(s) URL");
        }
        File spaces = source("https://cert example/objects/");
        assertThatThrownBy(() -> TaxiiSettings.sources(spaces, spaces.fileKeys()))
                .hasMessageContaining("is not a URL").hasMessageContaining("http(s) URL");
        File noHost = source("https:/objects/");
        assertThatThrownBy(() -> TaxiiSettings.sources(noHost, noHost.fileKeys()))
                .hasMessageContaining("names no host");
    }

    private static File source(String url) {
        return file(Map.of("taxii.pull.1.url", url, "taxii.pull.1.token", "t", "taxii.pull.1.collection", "c1",
                "taxii.pull.1.originator", "USA"));
    }
}
