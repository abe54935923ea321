package org.concord.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the polygons of one object of a TopoJSON topology (TopoJSON specification 1.0: quantized, delta-encoded arcs;
 * arc index {@code ~i} for arc {@code i} reversed; the first position of each arc after the first of a ring repeats
 * the last of the previous one). No maintained Java reader exists on Maven Central, and only polygons are needed.
 * A ring of fewer than four positions (an islet quantization collapsed) is left out.
 */
final class TopoJson {

    /** One geometry of the object: its id and name properties and its polygons (lon/lat degrees). */
    record Feature(Optional<String> id, String name, List<Polygon> polygons) {
    }

    private static final int MIN_RING_POSITIONS = 4;

    private final List<List<Coordinate>> arcs;
    private final GeometryFactory factory;

    private TopoJson(List<List<Coordinate>> arcs, GeometryFactory factory) {
        this.arcs = arcs;
        this.factory = factory;
    }

    /** The features of {@code object} in {@code topology}. */
    static List<Feature> features(JsonNode topology, String object, GeometryFactory factory) {
        JsonNode geometries = topology.path("objects").path(object).path("geometries");
        if (!geometries.isArray()) {
            throw new IllegalArgumentException("the topology has no object '" + object + "' with geometries");
        }
        TopoJson reader = new TopoJson(decodeArcs(topology), factory);
        List<Feature> features = new ArrayList<>();
        for (JsonNode geometry : geometries) {
            List<Polygon> polygons = new ArrayList<>();
            switch (geometry.path("type").asText()) {
                case "Polygon" -> reader.polygon(geometry.path("arcs")).ifPresent(polygons::add);
                case "MultiPolygon" -> geometry.path("arcs").forEach(p -> reader.polygon(p).ifPresent(polygons::add));
                default -> throw new IllegalArgumentException("geometry type " + geometry.path("type").asText()
                        + " in object '" + object + "': only Polygon and MultiPolygon are read");
            }
            JsonNode id = geometry.path("id");
            features.add(new Feature(id.isMissingNode() || id.isNull() ? Optional.empty() : Optional.of(id.asText()),
                    geometry.path("properties").path("name").asText(""), polygons));
        }
        return features;
    }

    private static List<List<Coordinate>> decodeArcs(JsonNode topology) {
        JsonNode transform = topology.path("transform");
        boolean quantized = !transform.isMissingNode();
        double scaleX = quantized ? transform.path("scale").get(0).asDouble() : 1;
        double scaleY = quantized ? transform.path("scale").get(1).asDouble() : 1;
        double translateX = quantized ? transform.path("translate").get(0).asDouble() : 0;
        double translateY = quantized ? transform.path("translate").get(1).asDouble() : 0;
        List<List<Coordinate>> decoded = new ArrayList<>();
        for (JsonNode arc : topology.path("arcs")) {
            List<Coordinate> positions = new ArrayList<>(arc.size());
            double x = 0;
            double y = 0;
            for (JsonNode position : arc) {
                if (quantized) {
                    x += position.get(0).asDouble();
                    y += position.get(1).asDouble();
                    positions.add(new Coordinate(x * scaleX + translateX, y * scaleY + translateY));
                } else {
                    positions.add(new Coordinate(position.get(0).asDouble(), position.get(1).asDouble()));
                }
            }
            decoded.add(positions);
        }
        return decoded;
    }

    private Optional<Polygon> polygon(JsonNode rings) {
        List<LinearRing> kept = new ArrayList<>();
        boolean exterior = true;
        for (JsonNode ring : rings) {
            List<Coordinate> positions = ring(ring);
            if (positions.size() >= MIN_RING_POSITIONS) {
                kept.add(factory.createLinearRing(positions.toArray(Coordinate[]::new)));
            } else if (exterior) {
                return Optional.empty();
            }
            exterior = false;
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(factory.createPolygon(kept.get(0), kept.subList(1, kept.size()).toArray(LinearRing[]::new)));
    }

    private List<Coordinate> ring(JsonNode arcIndexes) {
        List<Coordinate> positions = new ArrayList<>();
        for (JsonNode index : arcIndexes) {
            int i = index.asInt();
            List<Coordinate> arc = arcs.get(i >= 0 ? i : ~i);
            List<Coordinate> ordered = i >= 0 ? arc : arc.reversed();
            positions.addAll(positions.isEmpty() ? ordered : ordered.subList(1, ordered.size()));
        }
        return positions;
    }
}
