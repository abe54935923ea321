package org.concord.reentry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.orbit.OrekitSetup;
import org.orekit.data.DataContext;
import org.orekit.data.DataSource;
import org.orekit.models.earth.atmosphere.data.CssiSpaceWeatherData;
import org.orekit.propagation.analytical.tle.TLE;

/**
 * The real decays the re-entry predictor is calibrated on (src/test/resources/reentry, see SOURCES.md there): every
 * object of the 2019-12 catalog with a perigee under 300 km, its one element set, and its decay date from the SATCAT
 * of 2021-01-19 when it had decayed by then; and the CSSI space weather of that period.
 */
final class DecayCases {

    static final String SPACE_WEATHER_RESOURCE =
            "/reentry/SpaceWeather-All-v1.2_CelesTrak_2020-12-04_from-2019-06.txt";
    static final String SPACE_WEATHER_SOURCE = "CelesTrak CSSI space weather file of 2020-12-04 (observed indices"
            + " to 2020-12-04, CelesTrak's predictions after), test fixture";

    /** One object: its element set, name, type and, when it has decayed by 2021-01-19, its decay day. */
    record Case(TLE elements, String name, String objectType, Optional<LocalDate> decayDay) {

        long noradId() {
            return elements.getSatelliteNumber();
        }

        Instant basis() {
            return elements.getDate().toInstant();
        }

        /** The middle of the decay day, the true epoch the errors are measured against. */
        Optional<Instant> trueEpoch() {
            return decayDay.map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(12)));
        }

        /** The true remaining lifetime, when the object decayed on a later day than its element set's. */
        Optional<Duration> trueLifetime() {
            return trueEpoch().map(t -> Duration.between(basis(), t)).filter(d -> !d.isNegative());
        }
    }

    private DecayCases() {
    }

    static List<Case> load() {
        OrekitSetup.get();
        Map<Integer, String[]> satcat = new HashMap<>();
        for (String line : lines("/reentry/satcat_2021-01-19_perigee-under-300km.csv")) {
            if (line.startsWith("NORAD")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            satcat.put(Integer.parseInt(fields[0]), fields);
        }
        List<String> lines = lines("/reentry/catalog_3le_2019-12_perigee-under-300km.txt");
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i + 2 < lines.size(); i += 3) {
            TLE tle = new TLE(lines.get(i + 1), lines.get(i + 2));
            String[] row = satcat.get(tle.getSatelliteNumber());
            String name = row == null ? lines.get(i).substring(2).strip() : row[3];
            String type = row == null ? "UNKNOWN" : row[2];
            Optional<LocalDate> decay = row == null || row[6].isBlank() ? Optional.empty()
                    : Optional.of(LocalDate.parse(row[6]));
            cases.add(new Case(tle, name, type, decay));
        }
        return cases;
    }

    static CssiSpaceWeatherData spaceWeather() {
        OrekitSetup.get();
        return new CssiSpaceWeatherData(new DataSource(SPACE_WEATHER_RESOURCE,
                () -> DecayCases.class.getResourceAsStream(SPACE_WEATHER_RESOURCE)),
                DataContext.getDefault().getTimeScales().getUTC());
    }

    static ReentryPredictor predictor() {
        return new ReentryPredictor(SpaceWeather.of(spaceWeather(), SPACE_WEATHER_SOURCE),
                ReentryWindowRule.CALIBRATED,
                Duration.ofDays(400), ControlledVehicles.DEFAULT, DataContext.getDefault(),
                Clock.systemUTC());
    }

    private static List<String> lines(String resource) {
        try (InputStream in = DecayCases.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
