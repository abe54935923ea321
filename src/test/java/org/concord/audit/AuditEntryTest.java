package org.concord.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The canonical entry encoding: what a partner hashes must be exactly what is stored. */
class AuditEntryTest {

    private static final AuditEvent EVENT = AuditEvent.of(Instant.parse("2026-11-23T20:00:00.1234567Z"),
            "ana\u00efs \"the\" analyst", Optional.empty(), AuditAction.EXPORT, "/api/v1/objects/25544/elements",
            List.of("USA", "GBR", "USA"), "line1\nline2\\");

    @Test
    void theEncodingIsSortedCompactAsciiWithTheSequenceNumber() {
        AuditEntry entry = AuditEntry.of(42, EVENT);
        assertThat(entry.entry()).isEqualTo("{\"action\":\"EXPORT\",\"actor\":\"ana\\u00efs \\\"the\\\" analyst\","
                + "\"detail\":\"line1\\u000aline2\\\\\",\"originators\":[\"GBR\",\"USA\"],\"seq\":42,"
                + "\"subject\":\"/api/v1/objects/25544/elements\",\"time\":\"2026-11-23T20:00:00.123456Z\",\"v\":1}");
        assertThat(entry.entryBytes()).isEqualTo(entry.entry().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLeafHashIsSha256OfZeroAndTheEntryBytes() throws Exception {
        AuditEntry entry = AuditEntry.of(0, EVENT);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 0);
        assertThat(entry.leafHash()).isEqualTo(HexFormat.of().formatHex(sha256.digest(entry.entryBytes())));
    }

    @Test
    void decodingGivesBackTheEventAndRefusesAnyOtherSpelling() {
        AuditEntry entry = AuditEntry.of(7, EVENT);
        AuditEntry.Decoded decoded = AuditEntry.decode(entry.entry());
        assertThat(decoded.sequence()).isEqualTo(7);
        assertThat(decoded.event()).isEqualTo(EVENT);
        assertThatThrownBy(() -> AuditEntry.decode(entry.entry().replace(",\"seq\"", ", \"seq\"")))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> AuditEntry.decode(entry.entry().replace("\\u00ef", "\u00ef")))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> AuditEntry.decode(entry.entry().replace("\"v\":1", "\"v\":2")))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> AuditEntry.decode("[]")).hasMessageContaining("not a JSON object");
    }

    @Test
    void partyCodesMustFitTheirColumn() {
        assertThatThrownBy(() -> AuditEvent.of(Instant.EPOCH, "a", Optional.of("GBR,USA"), AuditAction.READ, "s",
                List.of(), "")).hasMessageContaining("not a party code");
        assertThatThrownBy(() -> AuditEvent.of(Instant.EPOCH, " ", Optional.empty(), AuditAction.READ, "s",
                List.of(), "")).hasMessageContaining("actor");
    }
}
