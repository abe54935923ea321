package org.concord.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON forms of checkpoints, entries and proofs, as the HTTP API serves them and {@code concord audit
 * check-proof} reads them back (docs/audit.md). Hashes are lowercase hex, entry bytes and signatures base64.
 */
public final class AuditJson {

    private AuditJson() {
    }

    public static Map<String, Object> checkpoint(Checkpoint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("treeSize", c.treeSize());
        m.put("rootHash", c.rootHash());
        m.put("signedAt", c.signedAt().toString());
        m.put("signature", c.signature());
        m.put("keyFingerprint", c.keyFingerprint());
        m.put("signedText", c.signedText());
        return m;
    }

    public static Checkpoint checkpoint(JsonNode node) {
        try {
            return new Checkpoint(integer(node, "treeSize"), hash(node, "rootHash"),
                    Instant.parse(text(node, "signedAt")), text(node, "signature"), hash(node, "keyFingerprint"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("checkpoint: signedAt is not an ISO-8601 instant");
        }
    }

    /** An entry as a party may see it: {@code entry} and {@code leafHash} only when it may see all of it. */
    public static Map<String, Object> entry(PartyView e) {
        AuditEvent event = e.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", e.sequence());
        m.put("time", event.time().toString());
        m.put("actor", event.actor());
        m.put("actorParty", event.actorParty().orElse(null));
        m.put("action", event.action().name());
        m.put("subject", event.subject());
        m.put("originators", List.copyOf(event.originators()));
        m.put("detail", event.detail());
        m.put("whole", e.whole().isPresent());
        m.put("entry", e.whole().map(AuditEntry::entry).orElse(null));
        m.put("leafHash", e.whole().map(AuditEntry::leafHash).orElse(null));
        return m;
    }

    public static Map<String, Object> inclusionProof(InclusionProof p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", p.entry().sequence());
        m.put("treeSize", p.treeSize());
        m.put("entry", Base64.getEncoder().encodeToString(p.entry().entryBytes()));
        m.put("leafHash", p.entry().leafHash());
        m.put("auditPath", p.auditPath());
        m.put("rootHash", p.rootHash());
        m.put("checkpoint", p.checkpoint().map(AuditJson::checkpoint).orElse(null));
        return m;
    }

    public static Map<String, Object> consistencyProof(ConsistencyProof p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fromSize", p.fromSize());
        m.put("toSize", p.toSize());
        m.put("fromRoot", p.fromRoot());
        m.put("toRoot", p.toRoot());
        m.put("proof", p.proof());
        m.put("fromCheckpoint", p.fromCheckpoint().map(AuditJson::checkpoint).orElse(null));
        m.put("toCheckpoint", p.toCheckpoint().map(AuditJson::checkpoint).orElse(null));
        return m;
    }

    /** An inclusion proof as served, read back: what an offline check needs. */
    public record InclusionClaim(long index, long treeSize, byte[] entry, List<byte[]> auditPath) {
    }

    public static InclusionClaim inclusionClaim(JsonNode node) {
        byte[] entry;
        try {
            entry = Base64.getDecoder().decode(text(node, "entry"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("proof: entry is not base64");
        }
        return new InclusionClaim(integer(node, "index"), integer(node, "treeSize"), entry,
                hashes(node, "auditPath"));
    }

    /** A consistency proof as served, read back. */
    public record ConsistencyClaim(long fromSize, long toSize, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
    }

    public static ConsistencyClaim consistencyClaim(JsonNode node) {
        HexFormat hex = HexFormat.of();
        return new ConsistencyClaim(integer(node, "fromSize"), integer(node, "toSize"),
                hex.parseHex(hash(node, "fromRoot")), hex.parseHex(hash(node, "toRoot")), hashes(node, "proof"));
    }

    public static boolean isConsistencyProof(JsonNode node) {
        return node.has("fromSize");
    }

    private static List<byte[]> hashes(JsonNode node, String key) {
        JsonNode array = node.get(key);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("'" + key + "' is missing or not an array");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode h : array) {
            if (!h.isTextual()) {
                throw new IllegalArgumentException("'" + key + "' holds a non-string");
            }
            hashes.add(parseHash(h.asText(), key));
        }
        return hashes;
    }

    private static String hash(JsonNode node, String key) {
        String text = text(node, key);
        parseHash(text, key);
        return text;
    }

    private static byte[] parseHash(String text, String key) {
        try {
            byte[] hash = HexFormat.of().parseHex(text);
            if (hash.length != MerkleTree.HASH_BYTES) {
                throw new IllegalArgumentException("'" + key + "': a hash has 32 bytes, this one " + hash.length);
            }
            return hash;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "' is not a hex SHA-256 hash: " + e.getMessage());
        }
    }

    private static long integer(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("'" + key + "' is missing or not a whole number");
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' is missing or not a string");
        }
        return value.asText();
    }
}
