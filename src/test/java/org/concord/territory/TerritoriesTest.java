package org.concord.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class TerritoriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Territory LUXEMBOURG = new Territory(Optional.of("LUX"), "Luxembourg");

    private static JsonNode resource(String path) throws IOException {
        try (InputStream in = TerritoriesTest.class.getResourceAsStream(path)) {
            return JSON.readTree(in);
        }
    }

    private static List<TopoJson.Feature> features() throws IOException {
        return TopoJson.features(resource("/org/concord/territory/countries-50m.json"), "countries",
                new GeometryFactory());
    }

    /** The reader against topojson-client's own conversion of the same file (test resources, SOURCES.md). */
    @Test
    void theReaderGivesTheRingsTopojsonClientGives() throws IOException {
        Map<String, TopoJson.Feature> byName = new HashMap<>();
        features().forEach(f -> byName.put(f.name(), f));
        JsonNode reference = resource("/territory/countries-50m_small-states_topojson-client.geojson");

        assertThat(reference.path("features")).hasSize(6);
        for (JsonNode feature : reference.path("features")) {
            TopoJson.Feature read = byName.get(feature.path("properties").path("name").asText());
            JsonNode rings = feature.path("geometry").path("coordinates");
            assertThat(read.polygons()).hasSize(1);
            Polygon polygon = read.polygons().get(0);
            assertThat(polygon.getNumInteriorRing() + 1).isEqualTo(rings.size());
            Coordinate[] exterior = polygon.getExteriorRing().getCoordinates();
            assertThat(exterior).hasSize(rings.get(0).size());
            for (int i = 0; i < exterior.length; i++) {
                assertThat(exterior[i].x).isCloseTo(rings.get(0).get(i).get(0).asDouble(), within(1e-9));
                assertThat(exterior[i].y).isCloseTo(rings.get(0).get(i).get(1).asDouble(), within(1e-9));
            }
            assertThat(read.id().orElse("none")).isEqualTo(feature.path("id").asText("none"));
        }
    }

    @Test
    void everyNumericIdHasAnAlpha3CodeAndTheFeaturesWithoutOneAreNamed() throws IOException {
        Territories territories = Territories.bundled();

        assertThat(territories.crossedBy(21.0, 42.6, 21.0, 42.6))
                .containsExactly(new Territory(Optional.empty(), "Kosovo"));
        assertThat(territories.crossedBy(133.0, -25.0, 133.0, -25.0))
                .containsExactly(new Territory(Optional.of("AUS"), "Australia"));
        assertThat(features().stream().filter(f -> f.id().isEmpty()).map(TopoJson.Feature::name))
                .containsExactlyInAnyOrder("Somaliland", "Kosovo", "N. Cyprus", "Indian Ocean Ter.",
                        "Siachen Glacier");
    }

    /** Both ends of the step lie outside Luxembourg (France, Germany): sampling points alone would miss it. */
    @Test
    void aStepAcrossASmallStateFindsIt() {
        Territories territories = Territories.bundled();

        assertThat(territories.crossedBy(6.1, 48.5, 6.1, 48.5)).doesNotContain(LUXEMBOURG);
        assertThat(territories.crossedBy(6.6, 51.0, 6.6, 51.0)).doesNotContain(LUXEMBOURG);
        assertThat(territories.crossedBy(6.1, 48.5, 6.6, 51.0)).contains(LUXEMBOURG)
                .contains(new Territory(Optional.of("FRA"), "France"))
                .contains(new Territory(Optional.of("DEU"), "Germany"));
    }

    @Test
    void theBandOfLatitudesHoldsTheStatesWithGroundInIt() {
        Set<Territory> tropics = Territories.bundled().withinLatitude(10.0);

        assertThat(tropics).extracting(t -> t.alpha3().orElse("-")).contains("SGP", "BRA", "IDN", "COL")
                .doesNotContain("NOR", "DEU", "AUS", "ARG");
    }

    /**
     * The states a day-long ground track (a circular orbit at 51.6°, the ISS's inclination) crosses, found with the
     * spatial index and JTS's prepared polygons, against an independent check: the track densified to 0.02° steps (2 km),
     * every point tested against every polygon with {@link Path2D#contains} (java.awt's own even-odd rule).
     */
    @Test
    void theStatesUnderAKnownTrackAreThoseAnIndependentPointInPolygonTestFinds() throws IOException {
        Territories territories = Territories.bundled();
        List<double[]> track = circularTrack(51.6, 5_400.0, 8 * 3_600.0, 30.0);
        List<double[][]> steps = steps(track);
        Set<String> indexed = new LinkedHashSet<>();
        for (double[][] step : steps) {
            double[] a = step[0];
            double[] b = step[1];
            territories.crossedBy(a[0], a[1], b[0], b[1]).forEach(t -> indexed.add(t.alpha3().orElse(t.name())));
        }

        Map<String, String> codes = codes();
        List<Shape> shapes = new ArrayList<>();
        for (TopoJson.Feature f : features()) {
            Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (Polygon p : f.polygons()) {
                ring(path, p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h).getCoordinates());
                }
            }
            shapes.add(new Shape(f.id().map(codes::get).orElse(f.name()), path, path.getBounds2D()));
        }
        Set<String> pointwise = new LinkedHashSet<>();
        for (double[][] step : steps) {
            double[] a = step[0];
            double[] b = step[1];
            int points = (int) Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 0.02);
            for (int s = 0; s <= points; s++) {
                double lon = a[0] + (b[0] - a[0]) * s / points;
                double lat = a[1] + (b[1] - a[1]) * s / points;
                for (Shape shape : shapes) {
                    if (shape.bounds().contains(lon, lat) && shape.path().contains(lon, lat)) {
                        pointwise.add(shape.code());
                    }
                }
            }
        }

        assertThat(pointwise).hasSizeGreaterThan(20);
        assertThat(indexed).containsExactlyInAnyOrderElementsOf(pointwise);
    }

    /** The successive pairs of points of a track, but those that jump across the antimeridian. */
    private static List<double[][]> steps(List<double[]> track) {
        List<double[][]> steps = new ArrayList<>();
        for (int i = 1; i < track.size(); i++) {
            if (Math.abs(track.get(i)[0] - track.get(i - 1)[0]) <= 180.0) {
                steps.add(new double[][]{track.get(i - 1), track.get(i)});
            }
        }
        return steps;
    }

    private record Shape(String code, Path2D path, Rectangle2D bounds) {
    }

    private static void ring(Path2D path, Coordinate[] ring) {
        path.moveTo(ring[0].x, ring[0].y);
        for (int i = 1; i < ring.length; i++) {
            path.lineTo(ring[i].x, ring[i].y);
        }
        path.closePath();
    }

    private static Map<String, String> codes() throws IOException {
        Map<String, String> codes = new HashMap<>();
        resource("/org/concord/territory/iso3166-codes.json").forEach(c -> codes.put(c.get(2).asText(),
                c.get(1).asText()));
        return codes;
    }

    /** Sub-satellite longitude and latitude (degrees) of a circular orbit over a spherical Earth turning under it. */
    static List<double[]> circularTrack(double inclinationDegrees, double periodSeconds, double spanSeconds,
                                        double stepSeconds) {
        double i = Math.toRadians(inclinationDegrees);
        double earthRate = 2 * Math.PI / 86_164.0905;
        List<double[]> points = new ArrayList<>();
        for (double t = 0; t <= spanSeconds; t += stepSeconds) {
            double u = 2 * Math.PI * t / periodSeconds;
            double lat = Math.asin(Math.sin(i) * Math.sin(u));
            double lon = Math.atan2(Math.cos(i) * Math.sin(u), Math.cos(u)) - earthRate * t;
            lon = Math.IEEEremainder(lon, 2 * Math.PI);
            points.add(new double[]{Math.toDegrees(lon), Math.toDegrees(lat)});
        }
        return points;
    }
}
