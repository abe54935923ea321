package org.concord.reentry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.territory.Territory;

/**
 * The stored and served form of what lies under a window: the ground track as a GeoJSON MultiLineString (longitude,
 * latitude; rounded to {@link #DECIMALS} decimals of a degree, about a kilometre) and the states overflown as
 * {@code [{"state": "AUS", "name": "Australia", "firstOverflightUtc": ..., "lastOverflightUtc": ...}]}
 * ({@code state} null for an area without an ISO 3166-1 code).
 */
final class UnderWindowJson {

    static final int DECIMALS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnderWindowJson() {
    }

    static String write(GroundTrack track) {
        ObjectNode geometry = JSON.createObjectNode().put("type", "MultiLineString");
        ArrayNode lines = geometry.putArray("coordinates");
        for (List<GroundTrack.Position> line : track.lines()) {
            ArrayNode positions = lines.addArray();
            for (GroundTrack.Position p : line) {
                positions.addArray().add(rounded(p.longitudeDegrees())).add(rounded(p.latitudeDegrees()));
            }
        }
        return geometry.toString();
    }

    static GroundTrack readTrack(String geoJson) {
        List<List<GroundTrack.Position>> lines = new ArrayList<>();
        for (JsonNode line : tree(geoJson).path("coordinates")) {
            List<GroundTrack.Position> positions = new ArrayList<>();
            line.forEach(p -> positions.add(new GroundTrack.Position(p.get(0).asDouble(), p.get(1).asDouble())));
            lines.add(positions);
        }
        return new GroundTrack(lines);
    }

    static String write(List<Overflight> overflown) {
        ArrayNode states = JSON.createArrayNode();
        for (Overflight o : overflown) {
            ObjectNode state = states.addObject();
            o.territory().alpha3().ifPresentOrElse(code -> state.put("state", code), () -> state.putNull("state"));
            state.put("name", o.territory().name()).put("firstOverflightUtc", o.first().toString())
                    .put("lastOverflightUtc", o.last().toString());
        }
        return states.toString();
    }

    static List<Overflight> readOverflown(String json) {
        List<Overflight> overflown = new ArrayList<>();
        for (JsonNode o : tree(json)) {
            JsonNode state = o.path("state");
            overflown.add(new Overflight(new Territory(state.isTextual() ? Optional.of(state.asText()) : Optional.empty(),
                    o.path("name").asText()), Instant.parse(o.path("firstOverflightUtc").asText()),
                    Instant.parse(o.path("lastOverflightUtc").asText())));
        }
        return overflown;
    }

    private static double rounded(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored ground track or list of states overflown is not JSON", e);
        }
    }
}
