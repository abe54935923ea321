package org.concord.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.concord.label.Releasability;
import org.concord.label.Tlp;
import org.concord.orbit.OrbitRegime;
import org.concord.orbit.StalenessLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreAnEmbeddedH2DatabaseInTheDataDirectoryAndLabelsPrivateToTheNodesParty() {
        NodeConfig config = NodeConfig.load(dir, Optional.empty(), Map.of());
        assertThat(config.databaseUrl()).isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath() + "/concord;AUTO_SERVER=TRUE");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.party()).isEqualTo("LOCAL");
        assertThat(config.labelRules().defaultLabel().releasability()).isEqualTo(Releasability.to("LOCAL"));
        assertThat(config.labelRules().defaultLabel().tlp()).isEqualTo(Tlp.AMBER);
        assertThat(config.orekitData()).isEmpty();
        assertThat(config.loadSampleCatalog()).isTrue();
    }

    @Test
    void theFileSetsValuesAndEnvironmentVariablesOverrideIt() throws IOException {
        Files.writeString(dir.resolve(NodeConfig.FILE_NAME), """
                node.party = gbr
                http.port = 9000
                db.url = jdbc:postgresql://127.0.0.1:5432/concord
                label.default = tlp=GREEN
                label.source.1.glob = usa-*.oem
                label.source.1.label = originator=USA;rel=REL TO USA,GBR;tlp=AMBER
                """);
        NodeConfig config = NodeConfig.load(dir, Optional.empty(), Map.of("CONCORD_HTTP_PORT", "9100"));
        assertThat(config.party()).isEqualTo("GBR");
        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(config.databaseUrl()).startsWith("jdbc:postgresql:");
        assertThat(config.labelRules().defaultLabel().originator()).isEqualTo("GBR");
        assertThat(config.labelRules().defaultLabel().tlp()).isEqualTo(Tlp.GREEN);
        assertThat(config.labelRules().defaultLabel().releasability()).isEqualTo(Releasability.to("GBR"));
        assertThat(config.labelRules().labelFor("/uploads/usa-plan.oem").originator()).isEqualTo("USA");
        assertThat(config.labelRules().labelFor("/uploads/usa-plan.oem").tlp()).isEqualTo(Tlp.AMBER);
        assertThat(config.labelRules().labelFor("gbr.tle").originator()).isEqualTo("GBR");
    }

    @Test
    void stalenessLimitsPerOrbitRegimeHaveDocumentedDefaultsAndMustBePositive() throws IOException {
        assertThat(NodeConfig.load(dir, Optional.empty(), Map.of()).staleness())
                .isEqualTo(new StalenessLimits(Duration.ofDays(3), Duration.ofDays(14), Duration.ofDays(30),
                        Duration.ofDays(7)));
        Files.writeString(dir.resolve(NodeConfig.FILE_NAME), """
                staleness.limit.leo = PT36H
                staleness.limit.geo = P14D
                """);
        NodeConfig config = NodeConfig.load(dir, Optional.empty(), Map.of("CONCORD_STALENESS_LIMIT_HEO", "P2D"));
        assertThat(config.staleness().limit(OrbitRegime.LEO)).isEqualTo(Duration.ofHours(36));
        assertThat(config.staleness().limit(OrbitRegime.GEO)).isEqualTo(Duration.ofDays(14));
        assertThat(config.staleness().limit(OrbitRegime.HEO)).isEqualTo(Duration.ofDays(2));
        assertThat(config.staleness().limit(OrbitRegime.MEO)).isEqualTo(Duration.ofDays(14));
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(), Map.of("CONCORD_STALENESS_LIMIT_MEO",
                "PT0S"))).hasMessageContaining("environment variable CONCORD_STALENESS_LIMIT_MEO")
                .hasMessageContaining("staleness.limit.meo must be positive");
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(), Map.of("CONCORD_STALENESS_LIMIT_LEO",
                "3d"))).hasMessageContaining("staleness.limit.leo = '3d' is not an ISO-8601 duration");
    }

    @Test
    void partnerScreeningLimitsHaveDefaultsAndOnePartyMayHaveItsOwn() throws IOException {
        assertThat(NodeConfig.load(dir, Optional.empty(), Map.of()).partnerScreening())
                .isEqualTo(org.concord.screening.PartnerLimits.DEFAULTS);
        Files.writeString(dir.resolve(NodeConfig.FILE_NAME), """
                screening.partner.max-window = P2D
                screening.party.ACME.concurrent-runs = 3
                """);
        org.concord.screening.PartnerLimits limits = NodeConfig.load(dir, Optional.empty(),
                Map.of("CONCORD_SCREENING_PARTNER_CONCURRENT_RUNS", "2")).partnerScreening();
        assertThat(limits.of("USA")).isEqualTo(new org.concord.screening.PartnerLimits.Limit(2, Duration.ofDays(2)));
        assertThat(limits.of("ACME")).isEqualTo(new org.concord.screening.PartnerLimits.Limit(3, Duration.ofDays(2)));
        assertThat(limits.keyOf("ACME", "max-window")).isEqualTo("screening.party.ACME.max-window");
        assertThat(limits.keyOf("USA", "max-window")).isEqualTo("screening.partner.max-window");
        Files.writeString(dir.resolve(NodeConfig.FILE_NAME), "screening.party.ACME.window = P1D\n");
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(), Map.of()))
                .hasMessageContaining("screening.party.ACME.window")
                .hasMessageContaining("screening.party.<PARTY>.max-window");
        Files.writeString(dir.resolve(NodeConfig.FILE_NAME), "screening.partner.max-window = PT0S\n");
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(), Map.of()))
                .hasMessageContaining("screening.partner.max-window must be positive");
    }

    @Test
    void aSwitchIsTrueOrFalseAndAnythingElseIsRefusedNamingKeyAndOrigin() throws IOException {
        assertThat(NodeConfig.load(dir, Optional.empty(), Map.of("CONCORD_SAMPLE_LOAD", "FALSE")).loadSampleCatalog())
                .isFalse();
        for (String key : new String[] {"sample.load", "federation.notify-peers", "federation.allow-plain-http",
                "watch.webhook.allow-loopback-http"}) {
            Files.writeString(dir.resolve(NodeConfig.FILE_NAME), key + " = yes\n");
            assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(), Map.of()))
                    .as(key).hasMessageContaining("configuration file").hasMessageContaining(key)
                    .hasMessageContaining("'yes' is not true or false");
        }
        Files.delete(dir.resolve(NodeConfig.FILE_NAME));
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(),
                Map.of("CONCORD_WATCH_DELIVERY_ATTEMPTS", "0")))
                .as("the origin is the variable that was set, not another key's")
                .hasMessageStartingWith("environment variable CONCORD_WATCH_DELIVERY_ATTEMPTS:");
    }

    @Test
    void badValuesNameTheirOrigin() throws IOException {
        Files.writeString(dir.resolve(NodeConfig.FILE_NAME), "http.port = eighty\n");
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(), Map.of()))
                .hasMessageContaining("concord.properties").hasMessageContaining("http.port = 'eighty'");
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(), Map.of("CONCORD_HTTP_PORT", "70000")))
                .hasMessageContaining("environment variable CONCORD_HTTP_PORT");
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(), Map.of("CONCORD_LABEL_DEFAULT", "tlp=X")))
                .hasMessageContaining("label.default").hasMessageContaining("unknown TLP level");
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.of(dir.resolve("missing.properties")), Map.of()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void theAuditCheckpointPeriodIsAnIsoDurationTenMinutesByDefault() {
        assertThat(NodeConfig.load(dir, Optional.empty(), Map.of()).auditCheckpointPeriod())
                .isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(NodeConfig.load(dir, Optional.empty(), Map.of("CONCORD_AUDIT_CHECKPOINT_PERIOD", "PT30S"))
                .auditCheckpointPeriod()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThatThrownBy(() -> NodeConfig.load(dir, Optional.empty(), Map.of("CONCORD_AUDIT_CHECKPOINT_PERIOD",
                "10 minutes"))).hasMessageContaining("CONCORD_AUDIT_CHECKPOINT_PERIOD")
                .hasMessageContaining("not an ISO-8601 duration");
    }
}
