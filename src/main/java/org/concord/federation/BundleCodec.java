package org.concord.federation;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.concord.catalog.SourceFormat;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.Conjunction;
import org.concord.risk.CovarianceSource;
import org.concord.label.Label;
import org.concord.label.Releasability;
import org.concord.label.Tlp;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wire form of a {@link Bundle}: UTF-8 JSON (format {@value Bundle#FORMAT}). The signature covers these bytes as
 * sent, so the form needs no canonicalisation; reading is strict and every fault names the field.
 */
public final class BundleCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private BundleCodec() {
    }

    public static byte[] encode(Bundle bundle) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Bundle.FORMAT);
        root.putObject("sender").put("party", bundle.senderParty()).put("node", bundle.senderNode());
        root.putObject("recipient").put("party", bundle.recipientParty()).put("node", bundle.recipientNode());
        root.put("sequence", bundle.sequence());
        root.put("created", bundle.created().toString());
        ArrayNode orbits = root.putArray("orbits");
        for (Bundle.Item item : bundle.orbits()) {
            ObjectNode o = orbits.addObject();
            o.put("noradId", item.noradId());
            o.put("format", item.format().name());
            o.put("sha256", item.contentSha256());
            label(o.putObject("label"), item.label());
            o.put("content", item.content());
        }
        ArrayNode conjunctions = root.putArray("conjunctions");
        for (Bundle.ConjunctionItem item : bundle.conjunctions()) {
            conjunction(conjunctions.addObject(), item);
        }
        ArrayNode recalls = root.putArray("recalls");
        for (Bundle.Recall recall : bundle.recalls()) {
            recalls.addObject().put("sha256", recall.contentSha256()).put("originator", recall.originator())
                    .put("reason", recall.reason()).put("recalledAt", recall.recalledAt().toString());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a bundle: " + e.getMessage(), e);
        }
    }

    private static void conjunction(ObjectNode o, Bundle.ConjunctionItem item) {
        Conjunction c = item.conjunction();
        o.put("key", item.key());
        o.put("primaryNoradId", c.primaryNoradId());
        o.put("secondaryNoradId", c.secondaryNoradId());
        item.primaryInput().ifPresent(i -> o.putObject("primaryInput").put("sha256", i.contentSha256())
                .put("originator", i.originator()));
        item.secondaryInput().ifPresent(i -> o.putObject("secondaryInput").put("sha256", i.contentSha256())
                .put("originator", i.originator()));
        o.put("tca", c.tca().toString());
        o.put("missMeters", c.missDistanceMeters());
        o.put("relativeSpeedMetersPerSecond", c.relativeSpeedMetersPerSecond());
        o.put("radialMeters", c.radialMeters());
        o.put("inTrackMeters", c.inTrackMeters());
        o.put("crossTrackMeters", c.crossTrackMeters());
        c.risk().ifPresent(r -> risk(o.putObject("risk"), r));
        c.cdmRisk().ifPresent(r -> risk(o.putObject("cdmRisk"), r));
        c.cdm().ifPresent(text -> o.put("cdm", text));
        label(o.putObject("label"), c.label());
    }

    private static void risk(ObjectNode o, CollisionRisk risk) {
        o.put("probability", risk.probability());
        o.put("method", risk.method());
        o.put("covarianceSource", risk.source().name());
        if (Double.isFinite(risk.combinedHardBodyRadiusMeters())) {
            o.put("hardBodyRadiusMeters", risk.combinedHardBodyRadiusMeters());
        }
        o.put("statement", risk.statement());
    }

    private static void label(ObjectNode node, Label label) {
        node.put("originator", label.originator());
        node.put("releasability", label.releasability().toString());
        node.put("tlp", label.tlp().code());
        ArrayNode caveats = node.putArray("caveats");
        label.caveats().forEach(caveats::add);
        label.expiry().ifPresentOrElse(e -> node.put("expires", e.toString()), () -> node.putNull("expires"));
    }

    /** Reads an encoded bundle; throws {@link BundleRejectedException} naming the first fault. */
    public static Bundle decode(byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BundleRejectedException("the bundle is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BundleRejectedException("the bundle cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BundleRejectedException("the bundle is not a JSON object");
        }
        String format = text(root, "format");
        if (!Bundle.FORMAT.equals(format)) {
            throw new BundleRejectedException("format: '" + format + "' is not " + Bundle.FORMAT);
        }
        JsonNode sender = object(root, "sender");
        JsonNode recipient = object(root, "recipient");
        long sequence = number(root, "sequence");
        if (sequence < 1) {
            throw new BundleRejectedException("sequence: " + sequence + " is not a positive number");
        }
        Instant created = instant(root, "created");
        List<Bundle.Item> items = new ArrayList<>();
        JsonNode orbits = array(root, "orbits");
        for (int i = 0; i < orbits.size(); i++) {
            items.add(item(orbits.get(i), "orbits[" + i + "]"));
        }
        List<Bundle.ConjunctionItem> conjunctions = new ArrayList<>();
        JsonNode conjunctionNodes = array(root, "conjunctions");
        for (int i = 0; i < conjunctionNodes.size(); i++) {
            conjunctions.add(conjunctionItem(conjunctionNodes.get(i), "conjunctions[" + i + "]"));
        }
        List<Bundle.Recall> recalls = new ArrayList<>();
        JsonNode recallNodes = array(root, "recalls");
        for (int i = 0; i < recallNodes.size(); i++) {
            JsonNode r = recallNodes.get(i);
            String at = "recalls[" + i + "]";
            requireObject(r, at);
            recalls.add(new Bundle.Recall(sha256(r, at + ".sha256"), text(r, "originator", at + ".originator"),
                    text(r, "reason", at + ".reason"), instant(r, "recalledAt", at + ".recalledAt")));
        }
        return new Bundle(text(sender, "party", "sender.party"), text(sender, "node", "sender.node"),
                text(recipient, "party", "recipient.party"), text(recipient, "node", "recipient.node"), sequence,
                created, items, conjunctions, recalls);
    }

    private static Bundle.ConjunctionItem conjunctionItem(JsonNode o, String at) {
        requireObject(o, at);
        String key = text(o, "key", at + ".key");
        if (!key.matches("[0-9a-f]{64}")) {
            throw new BundleRejectedException(at + ".key: '" + key + "' is not a lowercase hex SHA-256");
        }
        Conjunction c = new Conjunction(0, number(o, "primaryNoradId", at + ".primaryNoradId"),
                number(o, "secondaryNoradId", at + ".secondaryNoradId"), Optional.empty(), Optional.empty(),
                instant(o, "tca", at + ".tca"), decimal(o, "missMeters", at), decimal(o,
                "relativeSpeedMetersPerSecond", at), decimal(o, "radialMeters", at), decimal(o, "inTrackMeters", at),
                decimal(o, "crossTrackMeters", at), risk(o, "risk", at), risk(o, "cdmRisk", at),
                Optional.empty(), o.has("cdm") ? Optional.of(text(o, "cdm", at + ".cdm")) : Optional.empty(),
                label(object(o, "label", at + ".label"), at + ".label"), Optional.empty());
        return new Bundle.ConjunctionItem(key, c, input(o, "primaryInput", at), input(o, "secondaryInput", at));
    }

    private static Optional<Bundle.InputRef> input(JsonNode o, String field, String at) {
        if (!o.has(field)) {
            return Optional.empty();
        }
        JsonNode input = object(o, field, at + "." + field);
        return Optional.of(new Bundle.InputRef(sha256(input, at + "." + field + ".sha256"),
                text(input, "originator", at + "." + field + ".originator")));
    }

    private static Optional<CollisionRisk> risk(JsonNode o, String field, String at) {
        if (!o.has(field)) {
            return Optional.empty();
        }
        JsonNode r = object(o, field, at + "." + field);
        String where = at + "." + field;
        CovarianceSource source;
        try {
            source = CovarianceSource.valueOf(text(r, "covarianceSource", where + ".covarianceSource"));
        } catch (IllegalArgumentException e) {
            throw new BundleRejectedException(where + ".covarianceSource: unknown source");
        }
        return Optional.of(new CollisionRisk(decimal(r, "probability", where), text(r, "method", where + ".method"),
                source, r.has("hardBodyRadiusMeters") ? decimal(r, "hardBodyRadiusMeters", where) : Double.NaN,
                text(r, "statement", where + ".statement")));
    }

    private static double decimal(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new BundleRejectedException(at + "." + field + ": missing or not a number");
        }
        return value.asDouble();
    }

    private static Bundle.Item item(JsonNode o, String at) {
        requireObject(o, at);
        long noradId = number(o, "noradId", at + ".noradId");
        String formatName = text(o, "format", at + ".format");
        SourceFormat format;
        try {
            format = SourceFormat.valueOf(formatName);
        } catch (IllegalArgumentException e) {
            throw new BundleRejectedException(at + ".format: unknown format '" + formatName + "'");
        }
        if (format == SourceFormat.SATCAT_CSV || format == SourceFormat.CDM_KVN || format == SourceFormat.CDM_XML) {
            throw new BundleRejectedException(at + ".format: " + format + " is not an orbit record format");
        }
        Label label = label(object(o, "label", at + ".label"), at + ".label");
        return new Bundle.Item(noradId, format, text(o, "content", at + ".content"), sha256(o, at + ".sha256"), label);
    }

    private static Label label(JsonNode l, String at) {
        try {
            TreeSet<String> caveats = new TreeSet<>();
            for (JsonNode c : array(l, "caveats", at + ".caveats")) {
                caveats.add(c.asText());
            }
            JsonNode expires = l.get("expires");
            Optional<Instant> expiry = expires == null || expires.isNull() ? Optional.empty()
                    : Optional.of(Instant.parse(expires.asText()));
            return new Label(text(l, "originator", at + ".originator"),
                    Releasability.parse(text(l, "releasability", at + ".releasability")),
                    Tlp.parse(text(l, "tlp", at + ".tlp")), caveats, expiry);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BundleRejectedException(at + ": " + e.getMessage());
        }
    }

    private static String sha256(JsonNode node, String at) {
        String value = text(node, "sha256", at);
        if (!value.matches("[0-9a-f]{64}")) {
            throw new BundleRejectedException(at + ": '" + value + "' is not a lowercase hex SHA-256");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new BundleRejectedException(at + ": missing or not a string");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        return number(node, field, field);
    }

    private static long number(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new BundleRejectedException(at + ": missing or not a whole number");
        }
        return value.asLong();
    }

    private static Instant instant(JsonNode node, String field) {
        return instant(node, field, field);
    }

    private static Instant instant(JsonNode node, String field, String at) {
        String value = text(node, field, at);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BundleRejectedException(at + ": '" + value + "' is not an ISO-8601 instant");
        }
    }

    private static JsonNode object(JsonNode node, String field) {
        return object(node, field, field);
    }

    private static JsonNode object(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        requireObject(value, at);
        return value;
    }

    private static void requireObject(JsonNode value, String at) {
        if (value == null || !value.isObject()) {
            throw new BundleRejectedException(at + ": missing or not an object");
        }
    }

    private static JsonNode array(JsonNode node, String field) {
        return array(node, field, field);
    }

    private static JsonNode array(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new BundleRejectedException(at + ": missing or not an array");
        }
        return value;
    }
}
