package org.concord.orbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.utils.PVCoordinates;

/**
 * Vallado's SGP4 verification set (AIAA 2006-6753, as distributed with python-sgp4): every case of
 * {@code sgp4/SGP4-VER.TLE}, at every time {@code sgp4/tcppver.out} lists (TEME, km and km/s, printed to 1e-8 km and
 * 1e-9 km/s), and the SGP4 error that ends the cases Vallado's code stops early.
 */
class Sgp4VerificationTest {

    private static final double POSITION_BOUND_METERS = 1.0e-3;
    /** The print resolution of tcppver.out (1e-9 km/s): the velocities agree to it on every case. */
    private static final double VELOCITY_BOUND_METERS_PER_SECOND = 1.0e-6;

    /**
     * Case 26900 (INTELSAT 902, 24 h resonant, 9,300 to 9,400 min after epoch) agrees to 2.0 mm only (1e-5 mm at
     * epoch). The difference builds up in Orekit's deep-space resonance code, which Concord leaves alone: it has its
     * own Greenwich sidereal time at epoch (7e-11 rad from Vallado's gstime) and a truncated Earth rotation rate
     * (THDT = 4.3752691e-3 rad/min where Vallado has 4.37526908801129966e-3), which cancel in the mean anomaly but
     * not exactly in the resonance terms integrated over 13 steps of 720 min. Which of the two gives the 2 mm was not
     * isolated; matching it would mean rewriting Orekit's resonance integration.
     */
    private static final Map<String, Double> WIDER_POSITION_BOUNDS = Map.of("26900", 3.0e-3);

    /**
     * Where Vallado's code stops, by case (the second 20413 case is "20413b"): the error code and the time, which is
     * the step after the last one tcppver.out lists. The codes and the values in the messages are those python-sgp4's
     * own test expects (mean eccentricity -0.001329 and -0.001208, mrt 0.996159, 0.996252 and 0.830534, semi-latus
     * rectum -0.103223, perturbed eccentricity -122.217193).
     */
    private static final Map<String, ExpectedError> ERRORS = Map.of(
            "22312", new ExpectedError(Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE, 494.2028672, "-0.001329"),
            "28350", new ExpectedError(Sgp4Error.MEAN_ELEMENTS_OUT_OF_RANGE, 1560.0, "-0.001208"),
            "28872", new ExpectedError(Sgp4Error.DECAYED, 55.0, "0.996159"),
            "29141", new ExpectedError(Sgp4Error.DECAYED, 440.0, "0.996252"),
            "33333", new ExpectedError(Sgp4Error.NEGATIVE_SEMI_LATUS_RECTUM, 25.0, "-0.103223"),
            "33334", new ExpectedError(Sgp4Error.PERTURBED_ECCENTRICITY_OUT_OF_RANGE, 0.0, "-122.217193"),
            "20413b", new ExpectedError(Sgp4Error.DECAYED, 1844345.0, "0.830534"));

    private record ExpectedError(Sgp4Error error, double minutes, String valueInMessage) {
    }

    private record Case(String name, String line1, String line2, double start, double stop, double step,
                        List<double[]> expected) {

        @Override
        public String toString() {
            return name;
        }

        /** The times Vallado's test driver asks for: start, then every step, and stop if the steps miss it. */
        List<Double> times() {
            List<Double> times = new ArrayList<>();
            times.add(0.0);
            double t = start;
            while (t <= stop) {
                if (!(t == 0.0 && start == 0.0)) {
                    times.add(t);
                }
                t += step;
            }
            if (t - stop < step - 1e-6) {
                times.add(stop);
            }
            return times;
        }
    }

    private static List<Case> cases;

    @BeforeAll
    static void load() throws IOException {
        OrekitSetup.get();
        List<String> tleLines = lines("/sgp4/SGP4-VER.TLE");
        List<List<double[]>> blocks = new ArrayList<>();
        List<String> blockNames = new ArrayList<>();
        for (String line : lines("/sgp4/tcppver.out")) {
            if (line.contains("xx")) {
                blockNames.add(line.trim().split("\\s+")[0]);
                blocks.add(new ArrayList<>());
            } else if (!line.isBlank()) {
                String[] f = line.trim().split("\\s+");
                double[] values = new double[7];
                for (int k = 0; k < 7; k++) {
                    values[k] = Double.parseDouble(f[k]);
                }
                blocks.get(blocks.size() - 1).add(values);
            }
        }
        cases = new ArrayList<>();
        for (int i = 0; i < tleLines.size(); i++) {
            if (!tleLines.get(i).startsWith("1 ")) {
                continue;
            }
            String line1 = tleLines.get(i);
            String line2 = tleLines.get(i + 1);
            double[] range = Arrays.stream(line2.substring(69).trim().split("\\s+"))
                    .mapToDouble(Double::parseDouble).toArray();
            String number = line1.substring(2, 7);
            String name = cases.stream().anyMatch(c -> c.name().equals(number)) ? number + "b" : number;
            int index = cases.size();
            assertThat(Long.parseLong(blockNames.get(index))).as("tcppver.out block of " + name)
                    .isEqualTo(Long.parseLong(number));
            cases.add(new Case(name, line1, line2.substring(0, 69), range[0], range[1], range[2], blocks.get(index)));
        }
        assertThat(cases).hasSize(33);
        // 666 points, plus the stale line printed for 33334
        assertThat(cases.stream().mapToInt(c -> c.expected().size()).sum()).isEqualTo(667);
    }

    static Stream<Case> cases() throws IOException {
        if (cases == null) {
            load();
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesValladoAtEveryListedTimeAndStopsWhereItStops(Case c) {
        Sgp4 sgp4 = Sgp4.of(new TLE(c.line1(), c.line2()));
        List<Double> times = c.times();
        ExpectedError error = ERRORS.get(c.name());
        if (error != null && error.minutes() == 0.0) {
            // Vallado's driver prints the previous case's last state when SGP4 fails at epoch: nothing to compare
            assertThat(c.expected()).hasSize(1);
        } else {
            if (error == null) {
                assertThat(c.expected()).as("tcppver.out lists every time of a case no error ends")
                        .hasSize(times.size());
            } else {
                assertThat(c.expected().size()).as("an error ends the case early").isLessThan(times.size());
            }
            double bound = WIDER_POSITION_BOUNDS.getOrDefault(c.name(), POSITION_BOUND_METERS);
            for (int k = 0; k < c.expected().size(); k++) {
                double[] expected = c.expected().get(k);
                assertThat(expected[0]).isCloseTo(times.get(k), within(1e-6));
                PVCoordinates pv = sgp4.temePv(sgp4.tle().getDate().shiftedBy(expected[0] * 60.0));
                Vector3D position = new Vector3D(expected[1], expected[2], expected[3]).scalarMultiply(1000.0);
                Vector3D velocity = new Vector3D(expected[4], expected[5], expected[6]).scalarMultiply(1000.0);
                assertThat(Vector3D.distance(pv.getPosition(), position))
                        .as("%s position at %.4f min", c.name(), expected[0]).isLessThan(bound);
                assertThat(Vector3D.distance(pv.getVelocity(), velocity))
                        .as("%s velocity at %.4f min", c.name(), expected[0])
                        .isLessThan(VELOCITY_BOUND_METERS_PER_SECOND);
            }
        }
        if (error == null) {
            return;
        }
        int stopIndex = error.minutes() == 0.0 ? 0 : c.expected().size();
        assertThat(times.get(stopIndex)).isCloseTo(error.minutes(), within(1e-6));
        PropagationException e = catchThrowableOfType(PropagationException.class,
                () -> sgp4.temePv(sgp4.tle().getDate().shiftedBy(error.minutes() * 60.0)));
        assertThat(e).as("%s must end in SGP4 error %d at %.4f min", c.name(), error.error().code(), error.minutes())
                .isNotNull();
        assertThat(e.kind()).isEqualTo(PropagationException.Kind.SGP4_ERROR);
        assertThat(e.sgp4Error()).contains(error.error());
        assertThat(e.time()).contains(sgp4.tle().getDate().shiftedBy(error.minutes() * 60.0).toInstant());
        assertThat(e.getMessage()).contains("SGP4 error " + error.error().code()).contains(error.valueInMessage());
    }

    @Test
    void everyErrorCaseOfTheSetIsCovered() {
        assertThat(cases.stream().filter(c -> c.times().size() > c.expected().size()).map(Case::name))
                .containsExactlyInAnyOrderElementsOf(ERRORS.keySet());
    }

    @Test
    void case33335TurnsOutFineDespiteItsComment() {
        // "try to check error code 3": its eccentricity (4e-7) never goes below zero, and Vallado's code completes it
        Case c = cases.stream().filter(k -> k.name().equals("33335")).findFirst().orElseThrow();
        assertThat(c.expected()).hasSize(c.times().size());
        assertThat(ERRORS).doesNotContainKey("33335");
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = Sgp4VerificationTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
    }
}
