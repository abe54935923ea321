package org.concord.orbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SourceFormat;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.propagation.analytical.KeplerianPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScalesFactory;
import org.orekit.utils.Constants;

class PropagationServiceTest {

    private static final Instant ISS_TIME = Instant.parse("2024-07-05T12:00:00Z");
    private static final OrbitRecord ISS = OrbitRecords.record(SourceFormat.TLE, 25544, "ISS (ZARYA)", "1998-067A",
            OrbitRecords.ISS_TLE);

    private final PropagationService service = new PropagationService();

    private Ephemeris iss(OutputFrame frame) {
        return service.propagate(ISS, ISS_TIME, ISS_TIME.plus(Duration.ofMinutes(93)), Duration.ofMinutes(3), frame);
    }

    private static List<EphemerisSample.Cartesian> cartesian(Ephemeris ephemeris) {
        return ephemeris.samples().stream().map(EphemerisSample.Cartesian.class::cast).toList();
    }

    @Nested
    class MeanElements {

        @Test
        void aPropagationFarFromItsEpochIsAnsweredButMarkedStaleWithItsAgeAndLimit() {
            OrbitRecord iss = OrbitRecords.meanElements(OrbitRecords.ISS_TLE);
            Ephemeris nearEpoch = service.propagate(iss, iss.epoch(), iss.epoch().plus(Duration.ofDays(2)),
                    Duration.ofHours(1), OutputFrame.TEME);
            assertThat(nearEpoch.elementAge().age()).isEqualTo(Duration.ofDays(2));
            assertThat(nearEpoch.elementAge().stale()).isFalse();

            // GPS elements of 2024-07 propagated to 2026-12-03 (the date): SDP4 answers, the answer is stale
            OrbitRecord navstar = OrbitRecords.meanElements("""
                    1 39741U 14026A   24186.98989635 -.00000102  00000-0  00000-0 0  9999
                    2 39741  56.7098 359.1778 0030899 316.4240  43.3424  2.00567096 74253
                    """);
            Instant start = Instant.parse("2026-12-03T00:00:00Z");
            Ephemeris late = service.propagate(navstar, start, start.plus(Duration.ofDays(3)), Duration.ofHours(1),
                    OutputFrame.TEME);
            assertThat(late.samples()).hasSize(73);
            assertThat(late.elementAge().stale()).isTrue();
            assertThat(late.elementAge().regime()).isEqualTo(OrbitRegime.MEO);
            assertThat(late.elementAge().limit()).isEqualTo(Duration.ofDays(14));
            assertThat(late.elementAge().age()).isEqualTo(Duration.between(navstar.epoch(),
                    start.plus(Duration.ofDays(3))));
        }

        @Test
        void framesAgreeOnRadiusAndTheIssFliesAbout400KmUp() {
            List<EphemerisSample.Cartesian> teme = cartesian(iss(OutputFrame.TEME));
            List<EphemerisSample.Cartesian> gcrf = cartesian(iss(OutputFrame.GCRF));
            List<EphemerisSample.Cartesian> itrf = cartesian(iss(OutputFrame.ITRF));
            List<EphemerisSample> geodetic = iss(OutputFrame.GEODETIC).samples();
            assertThat(teme).hasSize(32);
            for (int k = 0; k < teme.size(); k++) {
                double radius = teme.get(k).positionMeters().norm();
                assertThat(gcrf.get(k).positionMeters().norm()).isCloseTo(radius, within(1.0e-4));
                assertThat(itrf.get(k).positionMeters().norm()).isCloseTo(radius, within(1.0e-4));
                // TEME is GCRF precessed since J2000 (0.34 deg by 2024): tens of kilometres apart
                assertThat(distance(teme.get(k).positionMeters(), gcrf.get(k).positionMeters()))
                        .isBetween(10.0e3, 60.0e3);
                // ITRF velocity lacks the Earth's rotation (about 0.5 km/s at this radius and inclination)
                assertThat(itrf.get(k).velocityMetersPerSecond().norm())
                        .isLessThan(gcrf.get(k).velocityMetersPerSecond().norm() - 200.0);
                EphemerisSample.Geodetic point = (EphemerisSample.Geodetic) geodetic.get(k);
                assertThat(point.time()).isEqualTo(teme.get(k).time());
                assertThat(point.altitudeMeters()).isBetween(380.0e3, 460.0e3);
                // geodetic latitude exceeds the geocentric one (at most the inclination) by up to 0.19 deg
                assertThat(point.latitudeDegrees()).isBetween(-51.9, 51.9);
                assertThat(point.longitudeDegrees()).isBetween(-180.0, 180.0);
            }
            assertThat(teme.get(0).positionMeters().norm()).isBetween(6.7e6, 6.85e6);
        }

        @Test
        void earthFixedResultsAreApproximateWithoutEarthOrientationData() {
            boolean eop = OrekitSetup.get().earthOrientationLoaded();
            assertThat(iss(OutputFrame.TEME).approximate()).isFalse();
            assertThat(iss(OutputFrame.GCRF).approximate()).isFalse();
            assertThat(iss(OutputFrame.ITRF).approximate()).isEqualTo(!eop);
            Ephemeris geodetic = iss(OutputFrame.GEODETIC);
            assertThat(geodetic.approximate()).isEqualTo(!eop);
            if (!eop) {
                assertThat(geodetic.notes()).anyMatch(n -> n.contains("Earth orientation"));
            }
        }

        @Test
        void describesTheObject() {
            Ephemeris ephemeris = iss(OutputFrame.TEME);
            assertThat(ephemeris.noradId()).isEqualTo(25544);
            assertThat(ephemeris.objectName()).isEqualTo("ISS (ZARYA)");
            assertThat(ephemeris.objectId()).isEqualTo("1998-067A");
            assertThat(ephemeris.method()).isEqualTo("SGP4");
            assertThat(ephemeris.frame()).isEqualTo(OutputFrame.TEME);
        }

        @Test
        void aDecayedSatelliteEndsInSgp4ErrorSixNotInNumbersUnderground() {
            OrbitRecord record = OrbitRecords.record(SourceFormat.TLE, 28872, "MINOTAUR R/B", "2005-037B",
                    OrbitRecords.DECAYING_TLE);
            Instant epoch = MeanElementsDecoder.readTle(OrbitRecords.DECAYING_TLE).getDate()
                    .toInstant(TimeScalesFactory.getTimeScales());
            Ephemeris before = service.propagate(record, epoch, epoch.plus(Duration.ofMinutes(50)),
                    Duration.ofMinutes(5), OutputFrame.GEODETIC);
            assertThat(before.samples()).hasSize(11)
                    .allSatisfy(s -> assertThat(((EphemerisSample.Geodetic) s).altitudeMeters()).isPositive());

            PropagationException e = catchThrowableOfType(PropagationException.class, () -> service.propagate(record,
                    epoch, epoch.plus(Duration.ofMinutes(60)), Duration.ofMinutes(5), OutputFrame.GEODETIC));
            assertThat(e.kind()).isEqualTo(PropagationException.Kind.SGP4_ERROR);
            assertThat(e.sgp4Error()).contains(Sgp4Error.DECAYED);
            assertThat(e.time().orElseThrow()).isCloseTo(epoch.plus(Duration.ofMinutes(55)),
                    org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
            assertThat(e.getMessage()).contains("SGP4 error 6", "decayed", "55.000 min");
        }

        @Test
        void ommRecordsNeedTheDecoderPluggedIn() {
            OrbitRecord omm = OrbitRecords.record(SourceFormat.OMM_KVN, 25544, "ISS (ZARYA)", "1998-067A",
                    "CCSDS_OMM_VERS = 2.0\n...");
            PropagationException e = catchThrowableOfType(PropagationException.class, () -> service.propagate(omm,
                    ISS_TIME, ISS_TIME, Duration.ofMinutes(1), OutputFrame.TEME));
            assertThat(e.kind()).isEqualTo(PropagationException.Kind.UNREADABLE_RECORD);
            assertThat(e.getMessage()).contains("no OMM reader");

            List<SourceFormat> asked = new ArrayList<>();
            PropagationService withOmm = new PropagationService(MeanElementsDecoder.withOmm((format, content) -> {
                asked.add(format);
                return MeanElementsDecoder.readTle(OrbitRecords.ISS_TLE);
            }), StalenessLimits.DEFAULTS, OrekitSetup.get().timeScales());
            Ephemeris fromOmm = withOmm.propagate(omm, ISS_TIME, ISS_TIME.plus(Duration.ofMinutes(93)),
                    Duration.ofMinutes(3), OutputFrame.TEME);
            assertThat(asked).containsOnly(SourceFormat.OMM_KVN);
            assertThat(fromOmm.samples()).isEqualTo(iss(OutputFrame.TEME).samples());
        }

        @Test
        void unreadableTleIsReportedAsSuch() {
            OrbitRecord broken = OrbitRecords.record(SourceFormat.TLE, 25544, "ISS (ZARYA)", "1998-067A",
                    "ISS (ZARYA)\nnot an element set");
            assertThatThrownBy(() -> service.propagate(broken, ISS_TIME, ISS_TIME, Duration.ofMinutes(1),
                    OutputFrame.TEME)).isInstanceOfSatisfying(PropagationException.class,
                    e -> assertThat(e.kind()).isEqualTo(PropagationException.Kind.UNREADABLE_RECORD));
        }
    }

    @Nested
    class Limits {

        @Test
        void refusesANonPositiveStep() {
            assertThatThrownBy(() -> service.propagate(ISS, ISS_TIME, ISS_TIME.plusSeconds(60), Duration.ZERO,
                    OutputFrame.TEME)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
            assertThatThrownBy(() -> new PropagationRequest(ISS_TIME, ISS_TIME.plusSeconds(60),
                    Duration.ofSeconds(-5), OutputFrame.TEME)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("step must be positive");
        }

        @Test
        void refusesAnEndBeforeTheStart() {
            assertThatThrownBy(() -> new PropagationRequest(ISS_TIME, ISS_TIME.minusSeconds(1), Duration.ofSeconds(1),
                    OutputFrame.TEME)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
        }

        @Test
        void refusesMoreThanAHundredThousandSamples() {
            Instant to = ISS_TIME.plus(Duration.ofSeconds(100_000));
            assertThat(new PropagationRequest(ISS_TIME, to.minusSeconds(1), Duration.ofSeconds(1), OutputFrame.TEME)
                    .sampleCount()).isEqualTo(100_000);
            assertThatThrownBy(() -> new PropagationRequest(ISS_TIME, to, Duration.ofSeconds(1), OutputFrame.TEME))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100001 samples");
            assertThatThrownBy(() -> new PropagationRequest(Instant.MIN, Instant.MAX, Duration.ofNanos(1),
                    OutputFrame.TEME)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void samplesEveryStepAndAtTheEnd() {
            PropagationRequest request = new PropagationRequest(ISS_TIME, ISS_TIME.plusSeconds(150),
                    Duration.ofMinutes(1), OutputFrame.TEME);
            assertThat(request.times()).containsExactly(ISS_TIME, ISS_TIME.plusSeconds(60), ISS_TIME.plusSeconds(120),
                    ISS_TIME.plusSeconds(150));
            assertThat(new PropagationRequest(ISS_TIME, ISS_TIME, Duration.ofMinutes(1), OutputFrame.TEME).times())
                    .containsExactly(ISS_TIME);
        }
    }

    @Nested
    class Ephemerides {

        private final OrbitRecord oem = OrbitRecords.record(SourceFormat.OEM_KVN, 25544, "ISS", "1998-067A",
                OrbitRecords.resource("/ccsds/oem/OEMExample5.txt"));

        @Test
        void anEphemerisPointComesBackAsGiven() {
            Instant node = Instant.parse("2017-04-12T00:01:43.121856Z");
            Ephemeris ephemeris = service.propagate(oem, node, node, Duration.ofMinutes(1), OutputFrame.GCRF);
            EphemerisSample.Cartesian sample = (EphemerisSample.Cartesian) ephemeris.samples().get(0);
            assertThat(distance(sample.positionMeters(), new Vector3(3949252.6609998, 3766251.7353732,
                    4012423.0374231))).isLessThan(1.0e-6);
            assertThat(distance(sample.velocityMetersPerSecond(), new Vector3(-6182.6769936, 2271.5348493,
                    3942.1071808))).isLessThan(1.0e-9);
            assertThat(ephemeris.approximate()).isFalse();
            assertThat(ephemeris.sourceKind()).isEqualTo(org.concord.catalog.OrbitKind.EPHEMERIS);
        }

        @Test
        void interpolatesInsideTheSpan() {
            Instant start = Instant.parse("2017-04-11T22:31:43.121856Z");
            Ephemeris ephemeris = service.propagate(oem, start, start.plus(Duration.ofHours(24)),
                    Duration.ofMinutes(7), OutputFrame.GCRF);
            assertThat(ephemeris.samples()).hasSize(207);
            // every 30th sample falls on a point of the file (a coarse one: 30 min apart, Hermite degree 1)
            EphemerisSample.Cartesian onNode = cartesian(ephemeris).get(30);
            assertThat(onNode.time()).isEqualTo(Instant.parse("2017-04-12T02:01:43.121856Z"));
            assertThat(distance(onNode.positionMeters(), new Vector3(-6361482.2354842, 886291.8685560,
                    2178464.8684081))).isLessThan(1.0e-6);
            EphemerisSample.Cartesian between = cartesian(ephemeris).get(31);
            assertThat(between.positionMeters().norm()).isBetween(6.0e6, 7.5e6);
        }

        @Test
        void refusesAnyTimeOutsideTheSpanAndNamesIt() {
            Instant stop = Instant.parse("2017-04-12T22:31:43.121856Z");
            for (Instant[] range : new Instant[][] {{stop.minusSeconds(60), stop.plusSeconds(1)},
                    {Instant.parse("2017-04-11T22:31:43Z"), stop}}) {
                PropagationException e = catchThrowableOfType(PropagationException.class, () -> service.propagate(
                        oem, range[0], range[1], Duration.ofSeconds(30), OutputFrame.GCRF));
                assertThat(e.kind()).isEqualTo(PropagationException.Kind.OUTSIDE_EPHEMERIS_SPAN);
                assertThat(e.getMessage()).contains("2017-04-11T22:31:43.121856Z to 2017-04-12T22:31:43.121856Z",
                        "never extrapolated");
            }
        }

        @Test
        void refusesEphemeridesNotCentredOnTheEarth() {
            OrbitRecord mars = OrbitRecords.record(SourceFormat.OEM_KVN, 24451, "MARS GLOBAL SURVEYOR", "1996-062A",
                    OrbitRecords.resource("/ccsds/oem/OEMExample1.txt"));
            Instant t = Instant.parse("1996-12-20T00:00:00Z");
            assertThatThrownBy(() -> service.propagate(mars, t, t, Duration.ofMinutes(1), OutputFrame.GCRF))
                    .isInstanceOfSatisfying(PropagationException.class, e -> assertThat(e.kind())
                            .isIn(PropagationException.Kind.UNSUPPORTED_RECORD,
                                    PropagationException.Kind.UNREADABLE_RECORD));
        }

        @Test
        void anOemWeWriteReadsBackAndInterpolatesToTheCentimetre() {
            Ephemeris written = service.propagate(ISS, ISS_TIME, ISS_TIME.plus(Duration.ofHours(3)),
                    Duration.ofMinutes(1), OutputFrame.GCRF);
            java.io.StringWriter text = new java.io.StringWriter();
            EphemerisFormat.OEM_KVN.write(written, text, "TEST");
            OrbitRecord record = OrbitRecords.record(SourceFormat.OEM_KVN, 25544, "ISS (ZARYA)", "1998-067A",
                    text.toString());
            Instant from = ISS_TIME.plusSeconds(30);
            Ephemeris interpolated = service.propagate(record, from, from.plus(Duration.ofMinutes(170)),
                    Duration.ofMinutes(1), OutputFrame.GCRF);
            Ephemeris direct = service.propagate(ISS, from, from.plus(Duration.ofMinutes(170)),
                    Duration.ofMinutes(1), OutputFrame.GCRF);
            List<EphemerisSample.Cartesian> a = cartesian(interpolated);
            List<EphemerisSample.Cartesian> b = cartesian(direct);
            // SGP4's velocity is not exactly the derivative of its position: a Hermite fit through its points
            // misses by about a centimetre inside the span and by decimetres half a step from its start
            for (int k = 0; k < a.size(); k++) {
                assertThat(distance(a.get(k).positionMeters(), b.get(k).positionMeters()))
                        .as("sample %d", k).isLessThan(k < 2 ? 1.0 : 0.05);
            }
            assertThat(text.toString()).containsPattern("OBJECT_NAME\\s+= ISS \\(ZARYA\\)")
                    .containsPattern("OBJECT_ID\\s+= 1998-067A").containsPattern("CENTER_NAME\\s+= EARTH")
                    .containsPattern("REF_FRAME\\s+= GCRF").containsPattern("TIME_SYSTEM\\s+= UTC")
                    .containsPattern("ORIGINATOR\\s+= TEST");
        }
    }

    @Nested
    class StateVectors {

        private final OrbitRecord opm = OrbitRecords.record(SourceFormat.OPM_KVN, 99999, "GODZILLA 5", "1998-999A",
                OrbitRecords.resource("/ccsds/opm/OPMExample1.txt"));
        private final Instant epoch = Instant.parse("1998-12-18T14:28:15.1172Z");

        @Test
        void startsFromTheOpmStateAndFeelsJ2() {
            Ephemeris itrf = service.propagate(opm, epoch, epoch.plus(Duration.ofHours(1)), Duration.ofMinutes(1),
                    OutputFrame.ITRF);
            assertThat(itrf.samples()).hasSize(61);
            EphemerisSample.Cartesian first = cartesian(itrf).get(0);
            // the OPM gives ITRF2000; Concord's ITRF is the IERS 2010 realisation, centimetres apart
            assertThat(distance(first.positionMeters(), new Vector3(6503514.0, 1239647.0, -717490.0)))
                    .isLessThan(0.1);
            assertThat(itrf.approximate()).isFalse();
            assertThat(itrf.notes()).anyMatch(n -> n.contains("J2 only"));

            Ephemeris gcrf = service.propagate(opm, epoch, epoch.plus(Duration.ofHours(1)), Duration.ofMinutes(1),
                    OutputFrame.GCRF);
            assertThat(gcrf.approximate()).isEqualTo(!OrekitSetup.get().earthOrientationLoaded());
            List<EphemerisSample.Cartesian> inertial = cartesian(gcrf);
            EphemerisSample.Cartesian start = inertial.get(0);
            AbsoluteDate startDate = new AbsoluteDate(epoch, TimeScalesFactory.getUTC());
            KeplerianPropagator kepler = new KeplerianPropagator(new CartesianOrbit(
                    new org.orekit.utils.PVCoordinates(vector(start.positionMeters()),
                            vector(start.velocityMetersPerSecond())),
                    org.orekit.frames.FramesFactory.getGCRF(), startDate, Constants.WGS84_EARTH_MU));
            EphemerisSample.Cartesian end = inertial.get(60);
            Vector3D keplerEnd = kepler.propagate(startDate.shiftedBy(3600.0)).getPosition();
            assertThat(Vector3D.distance(keplerEnd, vector(end.positionMeters()))).as("J2 moves the orbit")
                    .isBetween(1.0e3, 100.0e3);
            assertThat(inertial).allSatisfy(s -> assertThat(s.positionMeters().norm()).isGreaterThan(6.5e6));
        }

        @Test
        void propagatesBackwardsToo() {
            Ephemeris back = service.propagate(opm, epoch.minus(Duration.ofHours(2)), epoch, Duration.ofMinutes(10),
                    OutputFrame.ITRF);
            EphemerisSample.Cartesian last = cartesian(back).get(back.samples().size() - 1);
            assertThat(distance(last.positionMeters(), new Vector3(6503514.0, 1239647.0, -717490.0)))
                    .isLessThan(0.1);
        }

        @Test
        void aGeostationaryOpmWithItsOwnGm() {
            OrbitRecord geo = OrbitRecords.record(SourceFormat.OPM_KVN, 26243, "EUTELSAT W4", "2000-028A",
                    OrbitRecords.resource("/ccsds/opm/OPMExample2.txt"));
            Instant t0 = Instant.parse("2006-06-03T00:00:00Z");
            Ephemeris day = service.propagate(geo, t0, t0.plus(Duration.ofDays(1)), Duration.ofHours(1),
                    OutputFrame.GEODETIC);
            assertThat(day.samples()).hasSize(25).allSatisfy(s -> {
                EphemerisSample.Geodetic g = (EphemerisSample.Geodetic) s;
                assertThat(g.altitudeMeters()).isBetween(33.0e6, 38.0e6);
                assertThat(g.latitudeDegrees()).isBetween(-1.0, 1.0);
            });
        }
    }

    private static double distance(Vector3 a, Vector3 b) {
        return Vector3D.distance(vector(a), vector(b));
    }

    private static Vector3D vector(Vector3 v) {
        return new Vector3D(v.x(), v.y(), v.z());
    }
}
