package org.concord.watch;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.event.ConjunctionEvent;
import org.concord.event.EventUpdate;
import org.concord.label.Label;
import org.concord.product.Product;

/**
 * The JSON body a webhook receives (format {@value #FORMAT}, docs/watches.md): the notification, the watch, the
 * update that crossed its thresholds, the event's latest state and label, the attempt and when it was sent, the node
 * that signed it, and the event's CDM when there is one. The signature covers these exact bytes.
 */
final class NotificationPayload {

    static final String FORMAT = "concord-notification/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationPayload() {
    }

    static byte[] of(Notification n, Watch watch, Product<ConjunctionEvent> event, Optional<EventCdms.Cdm> cdm,
                     int attempt, Instant sentAt, String nodeParty, String keyFingerprint) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode node = root.putObject("node");
        node.put("party", nodeParty);
        node.put("keyFingerprint", keyFingerprint);
        root.put("sentAt", sentAt.toString());
        root.put("attempt", attempt);
        ObjectNode notification = root.putObject("notification");
        notification.put("id", n.id());
        notification.put("reason", n.reason().name());
        notification.put("createdAt", n.createdAt().toString());
        ObjectNode w = root.putObject("watch");
        w.put("id", watch.id());
        w.put("party", watch.party());
        w.put("noradId", watch.terms().noradId());
        watch.terms().missDistanceMeters().ifPresent(m -> w.put("missDistanceMeters", m));
        watch.terms().probability().ifPresent(p -> w.put("probability", p));
        w.put("withinSeconds", watch.terms().within().toSeconds());
        ObjectNode e = root.putObject("event");
        ConjunctionEvent value = event.value();
        e.put("id", event.id());
        e.put("primaryNoradId", value.primaryNoradId());
        e.put("secondaryNoradId", value.secondaryNoradId());
        e.put("updateCount", value.updates().size());
        label(e.putObject("label"), event.label());
        update(e.putObject("notified"), value.updates().stream().filter(u -> u.number() == n.updateNumber())
                .findFirst().orElse(value.latest()));
        update(e.putObject("latest"), value.latest());
        cdm.ifPresent(c -> {
            ObjectNode attached = root.putObject("cdm");
            attached.put("format", c.format());
            attached.put("text", c.text());
        });
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of plain values did not serialise", impossible);
        }
    }

    private static void update(ObjectNode o, EventUpdate u) {
        o.put("number", u.number());
        o.put("source", u.source().name());
        o.put("originator", u.originator());
        o.put("computedAt", u.computedAt().toString());
        o.put("tca", u.tca().toString());
        o.put("missDistanceMeters", u.missDistanceMeters());
        o.put("radialMeters", u.radialMeters());
        o.put("inTrackMeters", u.inTrackMeters());
        o.put("crossTrackMeters", u.crossTrackMeters());
        u.relativeSpeedMetersPerSecond().ifPresent(v -> o.put("relativeSpeedMetersPerSecond", v));
        u.risk().ifPresent(r -> {
            o.put("probability", r.probability());
            o.put("probabilityMethod", r.method());
            o.put("covarianceSource", r.source().name());
        });
    }

    private static void label(ObjectNode o, Label label) {
        o.put("originator", label.originator());
        o.put("releasability", label.releasability().toString());
        o.put("tlp", label.tlp().code());
        o.put("caveats", String.join(",", label.caveats()));
        label.expiry().ifPresent(x -> o.put("expiry", x.toString()));
    }
}
