package org.concord.federation;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.concord.catalog.SourceFormat;
import org.concord.label.DataKind;
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
        ArrayNode products = root.putArray("products");
        for (Bundle.ProductItem item : bundle.products()) {
            product(products.addObject(), item);
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

    private static void product(ObjectNode o, Bundle.ProductItem item) {
        o.put("kind", item.kind().code());
        o.put("key", item.key());
        label(o.putObject("label"), item.label());
        ArrayNode inputs = o.putArray("inputs");
        for (Bundle.InputRef input : item.inputs()) {
            inputs.addObject().put("role", input.role()).put("kind", input.kind().code()).put("ref", input.ref())
                    .put("originator", input.originator());
        }
        ObjectNode values = o.putObject("values");
        item.values().forEach((name, v) -> values.set(name, JSON.valueToTree(v)));
    }

    /** One product item as JSON text: how a node holds an item of a kind it does not serve. */
    public static String encodeItem(Bundle.ProductItem item) {
        ObjectNode o = JSON.createObjectNode();
        product(o, item);
        return o.toString();
    }

    /** An item held as {@link #encodeItem} wrote it. */
    public static Bundle.ProductItem decodeItem(String json) {
        try {
            return productItem(JSON.readTree(json), "item");
        } catch (IOException e) {
            throw new BundleRejectedException("a held item cannot be read: " + e.getMessage());
        }
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
        List<Bundle.ProductItem> products = new ArrayList<>();
        JsonNode productNodes = array(root, "products");
        for (int i = 0; i < productNodes.size(); i++) {
            products.add(productItem(productNodes.get(i), "products[" + i + "]"));
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
                created, items, products, recalls);
    }

    private static Bundle.ProductItem productItem(JsonNode o, String at) {
        requireObject(o, at);
        DataKind kind;
        try {
            kind = new DataKind(text(o, "kind", at + ".kind"));
        } catch (IllegalArgumentException e) {
            throw new BundleRejectedException(at + ".kind: " + e.getMessage());
        }
        String key = hex(text(o, "key", at + ".key"), at + ".key");
        Label label = label(object(o, "label", at + ".label"), at + ".label");
        List<Bundle.InputRef> inputs = new ArrayList<>();
        JsonNode inputNodes = array(o, "inputs", at + ".inputs");
        for (int i = 0; i < inputNodes.size(); i++) {
            JsonNode input = inputNodes.get(i);
            String where = at + ".inputs[" + i + "]";
            requireObject(input, where);
            try {
                inputs.add(new Bundle.InputRef(text(input, "role", where + ".role"),
                        new DataKind(text(input, "kind", where + ".kind")), hex(text(input, "ref", where + ".ref"),
                        where + ".ref"), text(input, "originator", where + ".originator")));
            } catch (IllegalArgumentException e) {
                throw new BundleRejectedException(where + ": " + e.getMessage());
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode valueNodes = object(o, "values", at + ".values");
        for (Map.Entry<String, JsonNode> v : valueNodes.properties()) {
            JsonNode value = v.getValue();
            values.put(v.getKey(), switch (value.getNodeType()) {
                case STRING -> value.asText();
                case BOOLEAN -> value.asBoolean();
                case NUMBER -> value.isIntegralNumber() && value.canConvertToLong() ? (Object) value.asLong()
                        : (Object) value.asDouble();
                default -> throw new BundleRejectedException(at + ".values." + v.getKey()
                        + ": not text, a number or a boolean");
            });
        }
        return new Bundle.ProductItem(kind, key, label, inputs, values);
    }

    private static String hex(String value, String at) {
        if (!value.matches("[0-9a-f]{64}")) {
            throw new BundleRejectedException(at + ": '" + value + "' is not a lowercase hex SHA-256");
        }
        return value;
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
        if (!format.carriesOrbits()) {
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
        return hex(text(node, "sha256", at), at);
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
