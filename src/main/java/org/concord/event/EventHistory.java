package org.concord.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.conjunction.CollisionRisk;
import org.concord.conjunction.InputAges;
import org.concord.risk.CovarianceSource;

/**
 * An event's updates as the JSON array its {@code history} column holds (and partners receive): one object per update,
 * distances in metres, speeds in m/s, ages in seconds, instants as ISO-8601.
 */
final class EventHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventHistory() {
    }

    static String write(List<EventUpdate> updates) {
        ArrayNode array = JSON.createArrayNode();
        for (EventUpdate u : updates) {
            ObjectNode o = array.addObject();
            o.put("number", u.number());
            o.put("source", u.source().name());
            o.put("originator", u.originator());
            o.put("computedAt", u.computedAt().toString());
            o.put("frameNoradId", u.frameNoradId());
            o.put("tca", u.tca().toString());
            o.put("missM", u.missDistanceMeters());
            o.put("radialM", u.radialMeters());
            o.put("inTrackM", u.inTrackMeters());
            o.put("crossTrackM", u.crossTrackMeters());
            u.relativeSpeedMetersPerSecond().ifPresent(v -> o.put("relativeSpeedMS", v));
            u.risk().ifPresent(r -> {
                o.put("pc", r.probability());
                o.put("pcMethod", r.method());
                o.put("pcSource", r.source().name());
                if (Double.isFinite(r.combinedHardBodyRadiusMeters())) {
                    o.put("pcHbrM", r.combinedHardBodyRadiusMeters());
                }
                o.put("pcStatement", r.statement());
            });
            u.inputAges().ifPresent(a -> {
                o.put("primaryElementAgeS", a.primary().toSeconds());
                o.put("secondaryElementAgeS", a.secondary().toSeconds());
                o.put("stale", a.stale());
            });
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's history could not be written", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a history this class wrote (a partner's malformed item)
     */
    static List<EventUpdate> read(String text) {
        try {
            List<EventUpdate> updates = new ArrayList<>();
            for (JsonNode o : JSON.readTree(text)) {
                Optional<CollisionRisk> risk = o.has("pc") ? Optional.of(new CollisionRisk(o.get("pc").asDouble(),
                        o.get("pcMethod").asText(), CovarianceSource.valueOf(o.get("pcSource").asText()),
                        o.has("pcHbrM") ? o.get("pcHbrM").asDouble() : Double.NaN,
                        o.path("pcStatement").asText(""))) : Optional.empty();
                Optional<InputAges> ages = o.has("stale") ? Optional.of(new InputAges(
                        Duration.ofSeconds(o.get("primaryElementAgeS").asLong()),
                        Duration.ofSeconds(o.get("secondaryElementAgeS").asLong()), o.get("stale").asBoolean()))
                        : Optional.empty();
                updates.add(new EventUpdate(o.get("number").asInt(),
                        EventUpdate.Source.valueOf(o.get("source").asText()), o.get("originator").asText(),
                        Instant.parse(o.get("computedAt").asText()), o.get("frameNoradId").asLong(),
                        Instant.parse(o.get("tca").asText()), o.get("missM").asDouble(), o.get("radialM").asDouble(),
                        o.get("inTrackM").asDouble(), o.get("crossTrackM").asDouble(),
                        o.has("relativeSpeedMS") ? Optional.of(o.get("relativeSpeedMS").asDouble()) : Optional.empty(),
                        risk, ages));
            }
            return updates;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("an event's history is not readable: " + e.getMessage(), e);
        }
    }
}
