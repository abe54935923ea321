package org.concord.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The states and territories of Natural Earth's admin-0 countries at 1:50m ({@code world-atlas} 2.0.2,
 * {@code countries-50m.json}), coded ISO 3166-1 alpha-3 through the ISO 3166-1 numeric id each feature carries and
 * the code table of {@code i18n-iso-countries} 7.14.0 (both vendored unchanged, SOURCES.md beside them). Coordinates
 * are longitude and latitude in degrees, the plane of the data: a line is straight in them, and one that crosses the
 * antimeridian must be split there by the caller. Immutable and thread-safe once built.
 */
public final class Territories {

    private static final String RESOURCES = "/org/concord/territory/";
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private record Part(Territory territory, PreparedGeometry polygon) {
    }

    private final STRtree index = new STRtree();
    private final List<Part> parts = new ArrayList<>();

    private Territories(List<TopoJson.Feature> features, Map<String, Territory> byNumeric) {
        for (TopoJson.Feature feature : features) {
            Territory territory = feature.id().map(byNumeric::get)
                    .orElseGet(() -> new Territory(Optional.empty(), feature.name()));
            for (Polygon polygon : feature.polygons()) {
                Part part = new Part(territory, PreparedGeometryFactory.prepare(polygon));
                parts.add(part);
                index.insert(polygon.getEnvelopeInternal(), part);
            }
        }
        index.build();
    }

    private static final class Bundled {
        static final Territories INSTANCE = read(RESOURCES + "countries-50m.json", RESOURCES + "iso3166-codes.json",
                RESOURCES + "iso3166-names-en.json");
    }

    private static final class Codes {
        static final Set<String> ALPHA3 = readAlpha3(RESOURCES + "iso3166-codes.json");
    }

    /** The ISO 3166-1 alpha-3 codes of the vendored code table (i18n-iso-countries), without the boundaries. */
    public static Set<String> alpha3Codes() {
        return Codes.ALPHA3;
    }

    private static Set<String> readAlpha3(String codes) {
        Set<String> alpha3 = new java.util.TreeSet<>();
        resource(new ObjectMapper(), codes).forEach(code -> alpha3.add(code.get(1).asText()));
        return java.util.Collections.unmodifiableSet(alpha3);
    }

    /** The vendored boundaries, read once. */
    public static Territories bundled() {
        return Bundled.INSTANCE;
    }

    private static Territories read(String topology, String codes, String names) {
        ObjectMapper json = new ObjectMapper();
        JsonNode topo = resource(json, topology);
        JsonNode englishNames = resource(json, names).path("countries");
        Map<String, Territory> byNumeric = new HashMap<>();
        for (JsonNode code : resource(json, codes)) {
            String alpha2 = code.get(0).asText();
            String alpha3 = code.get(1).asText();
            JsonNode name = englishNames.path(alpha2);
            String english = name.isArray() ? name.get(0).asText() : name.asText(alpha3);
            byNumeric.put(code.get(2).asText(), new Territory(Optional.of(alpha3), english));
        }
        List<TopoJson.Feature> features = TopoJson.features(topo, "countries", FACTORY);
        List<String> unknown = features.stream().flatMap(f -> f.id().stream()).filter(id -> !byNumeric.containsKey(id))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(topology + ": ISO 3166-1 numeric ids not in " + codes + ": " + unknown);
        }
        return new Territories(features, byNumeric);
    }

    private static JsonNode resource(ObjectMapper json, String path) {
        try (InputStream in = Territories.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /**
     * The territories the straight line (in longitude and latitude) from the first point to the second touches (a
     * point when both are the same), each once; both points within [-180, 180] of longitude.
     */
    public Set<Territory> crossedBy(double fromLongitude, double fromLatitude, double toLongitude, double toLatitude) {
        Geometry line = fromLongitude == toLongitude && fromLatitude == toLatitude
                ? FACTORY.createPoint(new Coordinate(fromLongitude, fromLatitude))
                : FACTORY.createLineString(new Coordinate[]{new Coordinate(fromLongitude, fromLatitude),
                new Coordinate(toLongitude, toLatitude)});
        return touching(line);
    }

    /** Every territory with some ground between the latitudes {@code -maxAbsoluteLatitude} and {@code +...}. */
    public Set<Territory> withinLatitude(double maxAbsoluteLatitude) {
        return touching(FACTORY.toGeometry(new Envelope(-180, 180, -maxAbsoluteLatitude, maxAbsoluteLatitude)));
    }

    private Set<Territory> touching(Geometry geometry) {
        Set<Territory> found = new LinkedHashSet<>();
        for (Object candidate : index.query(geometry.getEnvelopeInternal())) {
            Part part = (Part) candidate;
            if (!found.contains(part.territory()) && part.polygon().intersects(geometry)) {
                found.add(part.territory());
            }
        }
        return found;
    }
}
