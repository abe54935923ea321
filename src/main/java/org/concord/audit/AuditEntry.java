package org.concord.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An event at its place in the log.
 *
 * <p>The leaf input is {@link #entry()}, the event in canonical JSON (see docs/audit.md): one object with the keys
 * {@code action, actor, actorParty (when known), detail, originators, seq, subject, time, v} in that (code-point)
 * order, no white space, strings escaped with {@code \"}, {@code \\}, and backslash-u with four lowercase hex
 * digits for every character outside printable ASCII, {@code originators} sorted, {@code time} as
 * {@link Instant#toString()}. It is pure ASCII, so its characters are its bytes. The sequence number is inside the
 * entry, so an entry moved to another place no longer fits there.
 *
 * @param sequence the leaf index, from 0
 * @param entry    the canonical JSON text: exactly what is stored and hashed
 * @param leafHash SHA-256(0x00 || entry), lowercase hex
 */
public record AuditEntry(long sequence, AuditEvent event, String entry, String leafHash) {

    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static AuditEntry of(long sequence, AuditEvent event) {
        String entry = encode(sequence, event);
        return new AuditEntry(sequence, event, entry, HexFormat.of().formatHex(MerkleTree.leafHash(bytes(entry))));
    }

    public byte[] entryBytes() {
        return bytes(entry);
    }

    static byte[] bytes(String entry) {
        return entry.getBytes(StandardCharsets.US_ASCII);
    }

    /** The canonical JSON of an event at {@code sequence}. */
    public static String encode(long sequence, AuditEvent event) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"action\":");
        string(out, event.action().name());
        out.append(",\"actor\":");
        string(out, event.actor());
        if (event.actorParty().isPresent()) {
            out.append(",\"actorParty\":");
            string(out, event.actorParty().get());
        }
        out.append(",\"detail\":");
        string(out, event.detail());
        out.append(",\"originators\":[");
        Iterator<String> originators = event.originators().iterator();
        while (originators.hasNext()) {
            string(out, originators.next());
            if (originators.hasNext()) {
                out.append(',');
            }
        }
        out.append("],\"seq\":").append(sequence);
        out.append(",\"subject\":");
        string(out, event.subject());
        out.append(",\"time\":");
        string(out, event.time().toString());
        out.append(",\"v\":").append(FORMAT_VERSION).append('}');
        return out.toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** The sequence number and event an entry text holds; refused when it is not canonical. */
    public static Decoded decode(String entry) {
        JsonNode node;
        try {
            node = JSON.readTree(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            if (node.path("v").asInt(-1) != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown entry format version " + node.path("v"));
            }
            List<String> originators = new ArrayList<>();
            node.path("originators").forEach(o -> originators.add(o.asText()));
            AuditEvent event = AuditEvent.of(Instant.parse(text(node, "time")), text(node, "actor"),
                    node.has("actorParty") ? Optional.of(text(node, "actorParty")) : Optional.empty(),
                    AuditAction.valueOf(text(node, "action")), text(node, "subject"), originators,
                    text(node, "detail"));
            if (!node.path("seq").canConvertToExactIntegral()) {
                throw new IllegalArgumentException("seq is not a whole number");
            }
            long sequence = node.path("seq").asLong();
            if (!encode(sequence, event).equals(entry)) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return new Decoded(sequence, event);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time is not an ISO-8601 instant");
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' is missing or not a string");
        }
        return value.asText();
    }

    /** What an entry text says. */
    public record Decoded(long sequence, AuditEvent event) {
    }
}
